package dev.sluice.connector.aws;

import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConfigProblems;
import dev.sluice.spi.Spec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AWS source's spec: the part of CloudQuery's AWS plugin spec this source implements.
 *
 * @param regions     regions to read; empty or {@code ["*"]}: every region enabled in the
 *                    account, as EC2 DescribeRegions lists them ({@link AccountRegions})
 * @param accounts    accounts to read; empty: the default credentials' own account
 * @param endpointUrl one endpoint for every service (an emulator)
 * @param endpoints   an endpoint per service ({@code s3}, {@code iam}, ...), over {@code endpointUrl}
 * @param maxRetries  retries of a throttled or failed call, after the first attempt
 * @param maxBackoff  the longest wait between two attempts
 */
public record AwsSourceConfig(List<String> regions, List<AwsAccount> accounts, Optional<URI> endpointUrl,
                              Map<String, URI> endpoints, int maxRetries, Duration maxBackoff) {
    public static final String REGIONS = "regions";
    public static final String ACCOUNTS = "accounts";
    public static final String ENDPOINT_URL = "endpoint_url";
    public static final String ENDPOINTS = "endpoints";
    public static final String MAX_RETRIES = "max_retries";
    public static final String MAX_BACKOFF = "max_backoff";
    /** The services whose endpoint {@code endpoints} may override. */
    public static final Set<String> SERVICES = Set.of("s3", "iam", "sts", "sqs", "dynamodb", "lambda", "ec2", "rds");

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    public AwsSourceConfig {
        regions = List.copyOf(regions);
        accounts = List.copyOf(accounts);
        endpoints = Map.copyOf(endpoints);
    }

    /** The accounts to read: the spec's, or the default credentials' own. */
    public List<AwsAccount> effectiveAccounts() {
        return accounts.isEmpty() ? List.of(AwsAccount.defaultCredentials()) : accounts;
    }

    /** The endpoint of {@code service}: its own, else {@code endpoint_url}, else AWS's. */
    public Optional<URI> endpoint(String service) {
        return Optional.ofNullable(endpoints.get(service)).or(() -> endpointUrl);
    }

    /** Parses the spec, reporting every problem at once. */
    public static AwsSourceConfig parse(Spec spec) {
        ConfigProblems problems = new ConfigProblems();
        problems.check(() -> spec.requireOnly(Set.of(REGIONS, ACCOUNTS, ENDPOINT_URL, ENDPOINTS, MAX_RETRIES, MAX_BACKOFF)));
        List<String> regions = regions(problems, spec, REGIONS, REGIONS);
        List<AwsAccount> accounts = accounts(problems, spec);
        Optional<URI> endpointUrl = problems.check(() -> spec.optionalString(ENDPOINT_URL)
                .map(u -> url(ENDPOINT_URL, u)), Optional.empty());
        Map<String, URI> endpoints = new LinkedHashMap<>();
        problems.check(() -> spec.child(ENDPOINTS), Spec.empty()).asMap().forEach((service, url) -> {
            String field = ENDPOINTS + "." + service;
            if (!SERVICES.contains(service)) {
                problems.add(field, "unknown service (known: " + String.join(", ", new java.util.TreeSet<>(SERVICES)) + ")");
            } else if (!(url instanceof String u)) {
                problems.add(field, "must be a URL such as http://127.0.0.1:5000");
            } else {
                problems.check(() -> endpoints.put(service, url(field, u)));
            }
        });
        int maxRetries = (int) (long) problems.check(() -> spec.integer(MAX_RETRIES, 10, 0, 100), 10L);
        Duration maxBackoff = problems.check(() -> spec.duration(MAX_BACKOFF, Duration.ofSeconds(30)), Duration.ofSeconds(30));
        if (maxBackoff.isZero()) {
            problems.add(MAX_BACKOFF, "must be more than 0, such as 30s");
        }
        problems.throwIfAny();
        return new AwsSourceConfig(regions, accounts, endpointUrl, endpoints, maxRetries, maxBackoff);
    }

    private static List<String> regions(ConfigProblems problems, Spec spec, String key, String field) {
        List<String> regions = problems.check(() -> {
            try {
                return spec.strings(key, List.of());
            } catch (ConfigException e) {
                throw new ConfigException(field, e.getMessage());
            }
        }, List.of());
        if (spec.has(key) && regions.isEmpty()) {
            problems.add(field, "must name at least one region, such as us-east-1");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            String at = field + "[" + i + "]";
            if (region.equals(AccountRegions.ALL)) {
                if (regions.size() > 1) {
                    problems.add(at, "\"*\" (every enabled region) must be the only region listed");
                }
            } else if (!REGION.matcher(region).matches()) {
                problems.add(at, "\"" + region + "\" is not a region name such as us-east-1 or eu-west-3");
            } else if (!seen.add(region)) {
                problems.add(at, "region " + region + " appears twice");
            }
        }
        return regions;
    }

    private static List<AwsAccount> accounts(ConfigProblems problems, Spec spec) {
        Object value = spec.asMap().get(ACCOUNTS);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(ACCOUNTS, "must be a list of accounts, each with an id (and a role_arn to assume)");
            return List.of();
        }
        List<AwsAccount> accounts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = ACCOUNTS + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                problems.add(at, "must be a map with an id (and a role_arn to assume)");
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            m.forEach((k, v) -> fields.put(String.valueOf(k), v));
            Spec account = new Spec(fields);
            AwsAccount parsed = problems.check(() -> account(account, at), null);
            Object id = fields.get("id");
            if (id instanceof String name && !ids.add(name)) {
                problems.add(at + ".id", "account id " + name + " appears twice");
            }
            if (parsed != null) {
                accounts.add(parsed);
            }
        }
        return accounts;
    }

    private static AwsAccount account(Spec account, String at) {
        ConfigProblems own = new ConfigProblems();
        own.check(() -> prefixedCheck(at, () -> account.requireOnly(Set.of("id", "role_arn", "external_id", "role_session_name", REGIONS))));
        String id = own.check(() -> prefixed(at, () -> account.string("id")), "");
        if (!id.isEmpty() && (id.contains("/") || id.isBlank())) {
            own.add(at + ".id", "must not be blank nor contain \"/\"");
        }
        Optional<String> roleArn = own.check(() -> prefixed(at, () -> account.optionalString("role_arn")), Optional.empty());
        if (roleArn.isPresent() && !ROLE_ARN.matcher(roleArn.get()).matches()) {
            own.add(at + ".role_arn", "\"" + roleArn.get() + "\" is not an IAM role ARN such as arn:aws:iam::123456789012:role/reader");
        }
        Optional<String> externalId = own.check(() -> prefixed(at, () -> account.optionalString("external_id")), Optional.empty());
        if (externalId.isPresent() && roleArn.isEmpty()) {
            own.add(at + ".external_id", "is only used with a role_arn");
        }
        String session = own.check(() -> prefixed(at, () -> account.optionalString("role_session_name")), Optional.<String>empty())
                .orElse("sluice");
        List<String> regions = regions(own, account, REGIONS, at + "." + REGIONS);
        own.throwIfAny();
        return new AwsAccount(id, roleArn, externalId, session, regions);
    }

    private static <T> T prefixed(String at, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ConfigException e) {
            throw new ConfigException(at + "." + e.field().orElse(""), e.getMessage());
        }
    }

    private static void prefixedCheck(String at, Runnable check) {
        prefixed(at, () -> {
            check.run();
            return null;
        });
    }

    private static URI url(String field, String text) {
        try {
            URI uri = new URI(text.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ConfigException(field, "\"" + text + "\" is not an http(s) URL such as http://127.0.0.1:5000");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(field, "\"" + text + "\" is not a URL: " + e.getReason());
        }
    }
}
