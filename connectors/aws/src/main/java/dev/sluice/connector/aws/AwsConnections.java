package dev.sluice.connector.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Every account's credentials and every scope's clients, made on first use: the default
 * credentials, or for an account with a {@code role_arn} an STS AssumeRole provider (with the
 * external id) that refreshes its session before it expires. One URL-connection HTTP client
 * carries every request. Thread-safe; {@link #close()} closes it all.
 */
final class AwsConnections implements AutoCloseable {
    private final AwsSourceConfig config;
    private final AwsCredentialsProvider base;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final Map<String, AwsCredentialsProvider> credentials = new LinkedHashMap<>();
    private final Map<String, String> accountNumbers = new LinkedHashMap<>();
    private final Map<String, DefaultAwsClients> clients = new LinkedHashMap<>();
    private final List<SdkAutoCloseable> owned = new ArrayList<>();

    AwsConnections(AwsSourceConfig config, AwsCredentialsProvider base) {
        this.config = config;
        this.base = base;
    }

    /** The clients of {@code account} in {@code region}. */
    synchronized DefaultAwsClients clients(AwsAccount account, String region) {
        return clients.computeIfAbsent(region + "/" + account.id(),
                k -> new DefaultAwsClients(config, http, credentials(account, region), region));
    }

    /** The AWS account number: the role ARN's, or the default credentials' own (STS GetCallerIdentity). */
    String accountNumber(AwsAccount account, String region) {
        if (account.roleAccountNumber().isPresent()) {
            return account.roleAccountNumber().get();
        }
        synchronized (this) {
            String known = accountNumbers.get(account.id());
            if (known != null) {
                return known;
            }
        }
        String number = clients(account, region).sts().getCallerIdentity().account();
        synchronized (this) {
            accountNumbers.put(account.id(), number);
        }
        return number;
    }

    private AwsCredentialsProvider credentials(AwsAccount account, String region) {
        if (account.roleArn().isEmpty()) {
            return base;
        }
        return credentials.computeIfAbsent(account.id(), id -> {
            StsClient sts = DefaultAwsClients.configure(StsClient.builder(), "sts", config, http, base, Region.of(region)).build();
            owned.add(sts);
            StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts)
                    .refreshRequest(r -> {
                        r.roleArn(account.roleArn().get()).roleSessionName(account.sessionName());
                        account.externalId().ifPresent(r::externalId);
                    })
                    .build();
            owned.add(provider);
            return provider;
        });
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> all = new ArrayList<>(clients.values());
        for (int i = owned.size() - 1; i >= 0; i--) {
            all.add(owned.get(i));
        }
        all.add(http);
        if (base instanceof SdkAutoCloseable c) {
            all.add(c);
        }
        clients.clear();
        owned.clear();
        credentials.clear();
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing must close the rest
            }
        }
    }
}
