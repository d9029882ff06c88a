package pindrop.signin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each account signs in, for the status page and its JSON: its sign-ins, when its ticket was issued and runs
 * out, when its access and refresh tokens run out, and a warning when its refresh token runs out soon. Never a
 * secret.
 */
public record SignInStatus(List<AccountSignIn> accounts) {

    public record AccountSignIn(String id, int signIns, String ticketIssued, String ticketExpires,
            boolean perCallCredentials, String accessTokenExpires, String refreshTokenExpires, String warning) {
    }

    public static SignInStatus of(SignIn signIn) {
        Map<String, AccountSignIn> accounts = new LinkedHashMap<>();
        signIn.tickets().ifPresent(tickets -> tickets.view().forEach(t -> accounts.put(t.id(),
                new AccountSignIn(t.id(), t.signIns(), text(t.issued()), text(t.expires()), t.perCall(), null, null,
                        null))));
        for (AccessTokens.View v : signIn.accessTokens().view()) {
            AccountSignIn t = accounts.get(v.id());
            accounts.put(v.id(), new AccountSignIn(v.id(), t == null ? 0 : t.signIns(), t == null ? null
                    : t.ticketIssued(), t == null ? null : t.ticketExpires(), t != null && t.perCallCredentials(),
                    text(v.accessTokenExpires()), text(v.refreshTokenExpires()), v.warning()));
        }
        return new SignInStatus(new ArrayList<>(accounts.values()));
    }

    private static String text(Instant at) {
        return at == null || at.equals(Instant.MIN) ? null : at.toString();
    }
}
