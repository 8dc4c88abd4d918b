package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The leak scan has teeth: each form of the password is caught, and text without it passes. */
class SecretFormsTest {
    private final SecretForms secret = SecretForms.of("Sl-Leak#7Qz:@/%?&pw", "Leak#7Qz", "owner");

    @Test
    void everyFormIsCaught() {
        for (String leaked : new String[] {"password=Sl-Leak#7Qz:@/%?&pw host", "Sl-Leak%237Qz%3A%40%2F%25%3F%26pw",
                "cut at Sl-Leak#7Qz", Base64.getEncoder().encodeToString("Sl-Leak#7Qz:@/%?&pw".getBytes(StandardCharsets.UTF_8)),
                "Basic " + Base64.getEncoder().encodeToString("owner:Sl-Leak#7Qz:@/%?&pw".getBytes(StandardCharsets.UTF_8))}) {
            assertThatThrownBy(() -> secret.assertAbsentFrom("test", leaked)).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void redactedTextPasses() {
        assertThatCode(() -> secret.assertAbsentFrom("test", "cannot connect to postgresql://owner@127.0.0.1:5/db"))
                .doesNotThrowAnyException();
    }
}
