package dev.sluice.connector.postgresql;

/** One server a connection string names: a host name or IP address, and a TCP port. */
public record PgHost(String host, int port) {
    public PgHost {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
        }
    }

    /** {@code host:port}, an IPv6 address in brackets, as URLs write it. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
