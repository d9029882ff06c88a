package pindrop.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads {@code webex.account.N.id} with {@code .password} or {@code .token}, N = 1, 2, … until the first gap. */
public final class AccountSettings {

    private AccountSettings() {
    }

    public static List<Account> read(Function<String, Optional<String>> properties) {
        List<Account> accounts = new ArrayList<>();
        for (int n = 1; ; n++) {
            String prefix = "webex.account." + n + ".";
            Optional<String> id = properties.apply(prefix + "id").map(String::trim).filter(s -> !s.isEmpty());
            if (id.isEmpty()) {
                return accounts;
            }
            String password = properties.apply(prefix + "password").orElse("");
            String token = properties.apply(prefix + "token").orElse("");
            if (password.isEmpty() && token.isEmpty()) {
                throw new IllegalArgumentException("webex.account." + n + " (" + id.get()
                        + ") has neither a password nor a token: set WEBEX_ACCOUNT_" + n + "_PASSWORD or WEBEX_ACCOUNT_"
                        + n + "_TOKEN");
            }
            accounts.add(new Account(n, id.get(), password, token));
        }
    }
}
