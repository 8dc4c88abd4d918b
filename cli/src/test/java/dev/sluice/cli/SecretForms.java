package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A password and every form in which it could leak: as written, percent-encoded (as in a URL),
 * base64 (alone and as HTTP basic auth's {@code user:password}), and its distinctive core (a
 * leak cut short at a special character still shows it).
 */
record SecretForms(String password, List<String> forms) {
    static SecretForms of(String password, String core, String user) {
        List<String> forms = new ArrayList<>(List.of(password, core, percentEncoded(password)));
        forms.add(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
        return new SecretForms(password, List.copyOf(forms));
    }

    static String percentEncoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Asserts that no form of the password is in {@code text}, which came from {@code where}. */
    void assertAbsentFrom(String where, String text) {
        for (String form : forms) {
            assertThat(text).as("%s must not hold the password (as %s)", where, form).doesNotContain(form);
        }
    }
}
