package dev.sluice.engine.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code _cq_id} values.
 * <ul>
 *   <li>{@link #fromPrimaryKey}: CloudQuery's deterministic id: SHA-256 over the primary-key
 *       column names (sorted) each followed by its value's text, turned into a name-based
 *       (version 5, SHA-1) UUID in the nil namespace.</li>
 *   <li>{@link #fromPosition}: where CloudQuery draws a random UUID, Sluice derives one from
 *       the run and the row's position in its page, so it is unique within a sync yet the
 *       same when a page is fetched and written again: that is what lets append mode
 *       skip a replayed page.</li>
 * </ul>
 */
public final class CqIds {
    private static final byte[] NIL_NAMESPACE = new byte[16];

    private CqIds() {
    }

    /** @param sortedNames primary-key column names, sorted; {@code values} aligned with them */
    public static UUID fromPrimaryKey(List<String> sortedNames, Object[] values) {
        MessageDigest sha256 = digest("SHA-256");
        for (int i = 0; i < sortedNames.size(); i++) {
            sha256.update(sortedNames.get(i).getBytes(StandardCharsets.UTF_8));
            sha256.update(ValueText.of(values[i]).getBytes(StandardCharsets.UTF_8));
        }
        return nameBased(sha256.digest());
    }

    /** An id for row {@code index} of the page identified by {@code pageKey}. */
    public static UUID fromPosition(byte[] pageKey, int index) {
        MessageDigest sha256 = digest("SHA-256");
        sha256.update(pageKey);
        sha256.update(ByteBuffer.allocate(4).putInt(index).array());
        return nameBased(sha256.digest());
    }

    /** A page identity: every part separated so that ("ab","c") and ("a","bc") differ. */
    public static byte[] pageKey(String... parts) {
        MessageDigest sha256 = digest("SHA-256");
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return sha256.digest();
    }

    /** UUID version 5 of {@code name} in the nil namespace, as CloudQuery's {@code uuid.NewSHA1(uuid.Nil, ...)}. */
    static UUID nameBased(byte[] name) {
        return nameBased(NIL_NAMESPACE, name);
    }

    /** UUID version 5 (RFC 4122 §4.3) of {@code name} in {@code namespace}. */
    static UUID nameBased(byte[] namespace, byte[] name) {
        MessageDigest sha1 = digest("SHA-1");
        sha1.update(namespace);
        byte[] hash = Arrays.copyOf(sha1.digest(name), 16);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash);
        return new UUID(b.getLong(), b.getLong());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
