package dev.sluice.connector.sqlite;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Address text known by construction to be valid (as README documents: IPv4 dotted decimal or
 * IPv6, an optional prefix, a cidr without host bits; MAC hex pairs with one kind of separator)
 * or known to be invalid (an octet past 255, a prefix past the address's bits, a fifth octet, a
 * ninth group, a letter past f, host bits in a cidr, an odd hex digit).
 */
final class Addresses {
    private Addresses() {
    }

    static Arbitrary<String> validIpv4(boolean cidr) {
        return Combinators.combine(Arbitraries.integers().between(0, 255).list().ofSize(4),
                Arbitraries.integers().between(-1, 32)).as((octets, prefix) -> {
                    long bits = 0;
                    for (int o : octets) {
                        bits = bits << 8 | o;
                    }
                    if (cidr && prefix >= 0) {
                        bits &= prefix == 0 ? 0 : 0xFFFF_FFFFL << (32 - prefix) & 0xFFFF_FFFFL;
                    }
                    String text = (bits >> 24 & 255) + "." + (bits >> 16 & 255) + "." + (bits >> 8 & 255) + "." + (bits & 255);
                    return prefix < 0 ? text : text + "/" + prefix;
                });
    }

    static Arbitrary<String> validIpv6(boolean cidr) {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 0xFFFF)), net.jqwik.api.Tuple.of(1, Arbitraries.just(0)));
        return Combinators.combine(group.list().ofSize(8), Arbitraries.integers().between(-1, 128), Arbitraries.of(true, false))
                .as((groups, prefix, compress) -> {
                    List<Integer> g = new ArrayList<>(groups);
                    if (cidr && prefix >= 0) {
                        for (int i = 0; i < 8; i++) {
                            int keep = Math.max(0, Math.min(16, prefix - 16 * i));
                            g.set(i, keep == 0 ? 0 : g.get(i) & (0xFFFF << (16 - keep)) & 0xFFFF);
                        }
                    }
                    String text = compress ? compressed(g) : String.join(":", g.stream().map(Integer::toHexString).toList());
                    return prefix < 0 ? text : text + "/" + prefix;
                });
    }

    /** The longest run of zero groups as "::". */
    private static String compressed(List<Integer> g) {
        int best = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g.get(j) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                best = i;
                bestLength = j - i;
            }
        }
        if (best < 0) {
            return String.join(":", g.stream().map(Integer::toHexString).toList());
        }
        String head = String.join(":", g.subList(0, best).stream().map(Integer::toHexString).toList());
        String tail = String.join(":", g.subList(best + bestLength, 8).stream().map(Integer::toHexString).toList());
        return head + "::" + tail;
    }

    static Arbitrary<String> invalid(boolean cidr) {
        Arbitrary<String> octet = Arbitraries.integers().between(0, 255).map(String::valueOf);
        List<Arbitrary<String>> kinds = new ArrayList<>(List.of(
                Combinators.combine(octet, octet, octet, Arbitraries.integers().between(256, 999)).as((a, b, c, d) -> a + "." + b + "." + d + "." + c),
                octet.list().ofSize(5).map(l -> String.join(".", l)),
                octet.list().ofSize(3).map(l -> String.join(".", l)),
                Combinators.combine(validIpv4(false).filter(t -> !t.contains("/")), Arbitraries.integers().between(33, 999))
                        .as((a, p) -> a + "/" + p),
                Combinators.combine(validIpv6(false).filter(t -> !t.contains("/")), Arbitraries.integers().between(129, 999))
                        .as((a, p) -> a + "/" + p),
                Arbitraries.integers().between(0, 0xFFFF).list().ofSize(9).map(l -> String.join(":", l.stream().map(Integer::toHexString).toList())),
                Arbitraries.integers().between(0, 0xFFFF).list().ofSize(8).map(l -> String.join(":", l.stream().map(Integer::toHexString).toList())
                        .replaceFirst("^[0-9a-f]", "g")),
                Arbitraries.of("1::2::3", "example.com", "", "/24", "1.2.3.4/", "1.2.3.4/-1", "::1%eth0", "[::1]", "1.2.3.4 ",
                        " 1.2.3.4", "1.2.3.4/24/1", "12345::", "1.2.3.4:80")));
        if (cidr) { // host bits right of the prefix
            kinds.add(Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 255))
                    .as((prefix, low) -> "10.0.0." + (low | 1) + "/" + prefix));
        }
        return Arbitraries.oneOf(kinds);
    }

    /** {@code bytes} hex pairs (mac8 also takes 6), split every 1 to 4 bytes by one kind of separator, or not at all. */
    static Arbitrary<String> validMac(int size) {
        Arbitrary<Integer> count = size == 6 ? Arbitraries.just(6) : Arbitraries.of(6, 8);
        return count.flatMap(n -> Combinators.combine(Arbitraries.integers().between(0, 255).list().ofSize(n),
                Arbitraries.of(":", "-", ".", ""), Arbitraries.integers().between(1, 4), Arbitraries.of(true, false))
                .as((bytes, separator, every, upper) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < bytes.size(); i++) {
                        if (i > 0 && i % every == 0) {
                            b.append(separator);
                        }
                        b.append(String.format(upper ? "%02X" : "%02x", bytes.get(i)));
                    }
                    return b.toString();
                }));
    }

    static Arbitrary<String> invalidMac(int size) {
        Arbitrary<String> wrongCount = Arbitraries.of(5, 7, 9, size == 6 ? 8 : 4).flatMap(n -> Arbitraries.integers().between(0, 255)
                .list().ofSize(n).map(l -> String.join(":", l.stream().map(b -> String.format("%02x", b)).toList())));
        Arbitrary<String> spoiled = Combinators.combine(validMac(size), Arbitraries.integers().between(0, 100),
                Arbitraries.of("g", "x", ":", ":-", " ", "0", "é")).as((mac, at, junk) -> {
                    int i = at % (mac.length() + 1);
                    return junk.equals(":") ? (at % 2 == 0 ? ":" + mac : mac + ":") : mac.substring(0, i) + junk + mac.substring(i);
                });
        return Arbitraries.oneOf(wrongCount, spoiled, Arbitraries.of("", "08:00:2b:01:02:0", "0:8:0:0:2:b:0:1:0:2:0:3"));
    }
}
