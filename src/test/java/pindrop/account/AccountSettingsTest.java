package pindrop.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** An account has exactly one secret: anything else stops pindrop at start, naming the settings to fix. */
class AccountSettingsTest {

    @Test
    void eachAccountHasItsOneSecretAndTheListEndsAtTheFirstGap() {
        List<Account> accounts = AccountSettings.read(settings(Map.of(
                "webex.account.1.id", "admin1@acme.com", "webex.account.1.password", "pw",
                "webex.account.2.id", "admin2@acme.com", "webex.account.2.token", "tok",
                "webex.account.3.id", "admin3@acme.com", "webex.account.3.refresh-token", "rt",
                "webex.account.5.id", "after-a-gap@acme.com", "webex.account.5.password", "pw")));

        assertEquals(List.of("admin1@acme.com", "admin2@acme.com", "admin3@acme.com"),
                accounts.stream().map(Account::id).toList());
        assertFalse(accounts.get(0).usesRefreshToken());
        assertTrue(accounts.get(2).usesRefreshToken());
    }

    @Test
    void anAccountWithoutASecretNamesTheThreeSettingsItMayHave() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AccountSettings.read(
                settings(Map.of("webex.account.1.id", "admin1@acme.com"))));

        assertEquals("webex.account.1 (admin1@acme.com) has neither a password nor a token nor a refresh token: set"
                + " exactly one of WEBEX_ACCOUNT_1_PASSWORD, WEBEX_ACCOUNT_1_TOKEN or WEBEX_ACCOUNT_1_REFRESH_TOKEN",
                refused.getMessage());
    }

    @Test
    void anAccountWithTwoSecretsIsRefusedWithoutNamingEither() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AccountSettings.read(
                settings(Map.of("webex.account.1.id", "admin1@acme.com", "webex.account.1.password", "s3cret-pw",
                        "webex.account.1.refresh-token", "s3cret-rt"))));

        assertTrue(refused.getMessage().contains("more than one secret"), refused::getMessage);
        assertFalse(refused.getMessage().contains("s3cret"), "the message names settings, never their values");
    }

    @Test
    void anAccountWithNoSecretConfiguredTakesTheRefreshTokenKeptForIt() {
        List<Account> accounts = AccountSettings.read(settings(Map.of("webex.account.1.id", "admin1@acme.com")),
                id -> id.equals("admin1@acme.com") ? Optional.of("kept-rt") : Optional.empty());

        assertTrue(accounts.get(0).usesRefreshToken());
    }

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
