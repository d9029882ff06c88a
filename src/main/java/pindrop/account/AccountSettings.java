package pindrop.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads {@code webex.account.N.id} with exactly one of {@code .password}, {@code .token} or {@code .refresh-token},
 * N = 1, 2, … until the first gap.
 */
public final class AccountSettings {

    private AccountSettings() {
    }

    public static List<Account> read(Function<String, Optional<String>> properties) {
        return read(properties, id -> Optional.empty());
    }

    /**
     * The same, where an account with no secret configured may sign in with the refresh token pindrop kept for it
     * ({@code --authorize}, a rotated one): {@code keptRefreshToken} gives it by account id.
     */
    public static List<Account> read(Function<String, Optional<String>> properties,
            Function<String, Optional<String>> keptRefreshToken) {
        List<Account> accounts = new ArrayList<>();
        for (int n = 1; ; n++) {
            String prefix = "webex.account." + n + ".";
            Optional<String> id = properties.apply(prefix + "id").map(String::trim).filter(s -> !s.isEmpty());
            if (id.isEmpty()) {
                return accounts;
            }
            String password = properties.apply(prefix + "password").orElse("");
            String token = properties.apply(prefix + "token").orElse("");
            String configuredRefreshToken = properties.apply(prefix + "refresh-token").orElse("");
            String refreshToken = password.isEmpty() && token.isEmpty() && configuredRefreshToken.isEmpty()
                    ? keptRefreshToken.apply(id.get()).orElse("") : configuredRefreshToken;
            long secrets = Stream.of(password, token, refreshToken).filter(s -> !s.isEmpty()).count();
            String env = "WEBEX_ACCOUNT_" + n + "_";
            if (secrets != 1) {
                throw new IllegalArgumentException("webex.account." + n + " (" + id.get() + ") has "
                        + (secrets == 0 ? "neither a password nor a token nor a refresh token" : "more than one secret")
                        + ": set exactly one of " + env + "PASSWORD, " + env + "TOKEN or " + env + "REFRESH_TOKEN");
            }
            accounts.add(new Account(n, id.get(), password, token, refreshToken));
        }
    }
}
