package pindrop.signin;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;

import pindrop.account.Account;
import pindrop.account.AccountPool;
import pindrop.check.RowDocument;

/**
 * Builds how the accounts sign in from {@code webex.session-tickets} and {@code webex.oauth.*}: the
 * {@link SignIn} bean every call's credentials come from, and the access tokens of the integration's accounts
 * (a service: fetched when pindrop starts). Each sign-in Webex grants is counted in
 * {@code pindrop_webex_signins_total{account}}.
 */
public final class SignInBeans {

    static final String SIGN_INS = "pindrop.webex.signins";

    private SignInBeans() {
    }

    public static void bind(CamelContext context, List<Account> accounts, AccountPool pool, RowDocument rowDocument,
            KeptRefreshTokens kept) throws Exception {
        String clientId = setting(context, "webex.oauth.client-id");
        String clientSecret = setting(context, "webex.oauth.client-secret");
        Optional<Account> integrationAccount = accounts.stream().filter(Account::usesRefreshToken).findFirst();
        if (integrationAccount.isPresent() && (clientId.isEmpty() || clientSecret.isEmpty())) {
            Account account = integrationAccount.get();
            throw new IllegalArgumentException("webex.account." + account.number() + " (" + account
                    + ") signs in with a refresh token of the OAuth integration: set WEBEX_OAUTH_CLIENT_ID and"
                    + " WEBEX_OAUTH_CLIENT_SECRET");
        }
        TokenEndpoint endpoint = new TokenEndpoint(URI.create(setting(context, "webex.oauth.token-url")), clientId,
                clientSecret, Duration.ofMillis(Long.parseLong(setting(context, "webex.connect-timeout-ms"))));
        AccessTokens accessTokens;
        try {
            accessTokens = new AccessTokens(accounts, endpoint, kept, pool, Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException("the kept refresh tokens cannot be read: " + e.getMessage(), e);
        }
        context.addService(accessTokens);
        SessionTickets tickets = Boolean.parseBoolean(setting(context, "webex.session-tickets"))
                ? new SessionTickets(new WebexSignIn(context.createProducerTemplate(), rowDocument), Clock.systemUTC(),
                        account -> count(context, account))
                : null;
        context.getRegistry().bind(SignIn.BEAN, new SignIn(tickets, accessTokens));
    }

    private static void count(CamelContext context, Account account) {
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry != null) {
            registry.counter(SIGN_INS, "account", account.id()).increment();
        }
    }

    private static String setting(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).orElse("").trim();
    }
}
