package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** An internal error (a bug) exits 3, says so, names no Java class, and shows the stack trace only at debug. */
class FailuresTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            Object notAString = 42L;
            return ((String) notAString).length(); // a ClassCastException, as a bug would raise one
        }
    }

    private static String run(LogLevel level) {
        Logging.configure(level, Logging.Format.text);
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Boom());
        cmd.setErr(new PrintWriter(err));
        cmd.setExecutionExceptionHandler(new Failures());
        assertThat(cmd.execute()).isEqualTo(Main.INTERNAL_ERROR);
        return err.toString();
    }

    @Test
    void anInternalErrorExitsThreeAndSaysItIsABug() {
        String err = run(LogLevel.info);
        assertThat(err).isEqualTo("error: internal error in sluice boom; this is a bug, please report it"
                + " (rerun with --log-level debug for the details)\n");
    }

    @Test
    void atDebugTheStackTraceFollows() {
        String err = run(LogLevel.debug);
        assertThat(err).startsWith("error: internal error in sluice boom; this is a bug, please report it with the stack trace below\n")
                .contains("\tat dev.sluice.cli.FailuresTest$Boom.call");
        Logging.configure(LogLevel.info, Logging.Format.text);
    }
}
