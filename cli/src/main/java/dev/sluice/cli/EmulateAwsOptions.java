package dev.sluice.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code sync --emulate-aws} and how the emulated Lambdas behave. */
final class EmulateAwsOptions {
    /** Lambda's own limit on a function's timeout. */
    static final Duration MAX_LAMBDA_TIMEOUT = Duration.ofSeconds(900);

    @Option(names = "--emulate-aws",
            description = "Run the serverless flow on this machine: planner, fetch and finalizer Lambda handlers on local "
                    + "DynamoDB (dynalite; needs Node.js) and SQS (ElasticMQ) emulators. No AWS account needed.")
    boolean enabled;

    @Option(names = "--lambda-timeout", paramLabel = "DURATION", defaultValue = "900s", converter = DurationConverter.class,
            description = "With --emulate-aws: each fetch invocation's timeout, counting down as on Lambda (default: ${DEFAULT-VALUE}, at most 900s).")
    Duration lambdaTimeout;

    @Option(names = "--time-margin", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "With --emulate-aws: a fetch stops after the page during which its remaining time fell under this, "
                    + "and continues in a new message (default: ${DEFAULT-VALUE}; with --lambda-timeout 3s --time-margin 1s, tables of many pages continue "
                    + "across invocations you can watch).")
    Duration timeMargin;

    @Option(names = "--lambda-concurrency", paramLabel = "N", defaultValue = "2",
            description = "With --emulate-aws: fetch Lambdas polling the work queue at once (default: ${DEFAULT-VALUE}).")
    int lambdaConcurrency;

    @Option(names = "--emulate-timeout", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "With --emulate-aws: give up waiting for the runs to end after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** Usage errors (exit 2) for values that cannot work; {@code noMigrate} is the sync's --no-migrate. */
    void check(CommandSpec spec, boolean noMigrate) {
        if (!enabled) {
            for (String option : new String[] {"--lambda-timeout", "--time-margin", "--lambda-concurrency", "--emulate-timeout"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    fail(spec, option + " only applies with --emulate-aws");
                }
            }
            return;
        }
        if (noMigrate) {
            fail(spec, "--no-migrate cannot be combined with --emulate-aws: the planner migrates the destinations, as it does on AWS");
        }
        if (lambdaTimeout.compareTo(Duration.ofSeconds(1)) < 0 || lambdaTimeout.compareTo(MAX_LAMBDA_TIMEOUT) > 0) {
            fail(spec, "--lambda-timeout must be from 1s to 900s (Lambda's limit), got " + DurationConverter.format(lambdaTimeout));
        }
        if (timeMargin.isNegative() || timeMargin.compareTo(lambdaTimeout) >= 0) {
            fail(spec, "--time-margin must be at least 0 and under --lambda-timeout (" + DurationConverter.format(lambdaTimeout)
                    + "), got " + DurationConverter.format(timeMargin) + ": a fetch would have no time to fetch a page");
        }
        if (lambdaConcurrency < 1 || lambdaConcurrency > 64) {
            fail(spec, "--lambda-concurrency must be from 1 to 64, got " + lambdaConcurrency);
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            fail(spec, "--emulate-timeout must be at least 1s");
        }
    }

    private static void fail(CommandSpec spec, String message) {
        throw new ParameterException(spec.commandLine(), message);
    }
}
