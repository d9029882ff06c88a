package pindrop.webex;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;

import pindrop.account.Account;
import pindrop.account.AccountPool;
import pindrop.signin.SignInException;

/**
 * A dry run's user check: GetUser on the row's user, on an admin account from the pool. A user Webex does
 * not know makes the row INVALID, so a typo shows before the real run; no definitive answer is retried (the
 * route's error handling), then ERROR. A VALID row stays VALID.
 */
public final class UserLookup {

    static final String USER_NOT_FOUND = "030001";

    private final AccountPool pool;

    public UserLookup(AccountPool pool) {
        this.pool = pool;
    }

    /** Credentials of an account that can look users up; with none, the row is ERROR and the route skips the call. */
    public void prepare(Exchange exchange) throws TransientWebexException {
        Optional<Account> account = pool.forLookups();
        if (account.isEmpty()) {
            SetUserCall.finish(exchange, "ERROR", "", "the user could not be checked: no admin account can call"
                    + " GetUser (" + pool.whyUnusable().orElse("every account is set aside") + ")");
            return;
        }
        exchange.setProperty(SetUserCall.ACCOUNT, account.get());
        try {
            SetUserCall.credentials(exchange, account.get());
        } catch (SignInException e) {
            if (e.forGood()) {
                pool.setAside(account.get(), e.getMessage());
            }
            throw new TransientWebexException(e.getMessage());
        }
        exchange.setVariable("send", true);
        exchange.setVariable("resentForTicket", false);
        exchange.getVariable("attempts", AtomicInteger.class).incrementAndGet();
    }

    public void judge(Exchange exchange) throws TransientWebexException {
        exchange.setVariable("send", false);
        SetUserCall.clearSecrets(exchange);
        Optional<WebexResponse> answer = SetUserCall.answer(exchange);
        if (answer.isEmpty()) {
            return;
        }
        WebexResponse response = answer.get();
        String code = response.exceptionId();
        String said = code + " " + response.reason();
        Account account = exchange.getProperty(SetUserCall.ACCOUNT, Account.class);
        Action action = ExceptionTable.actionFor(response);
        if (action == Action.SIGN_IN_AGAIN) {
            try {
                if (SetUserCall.signInAgain(exchange, account)) {
                    return;
                }
            } catch (SignInException e) {
                throw new TransientWebexException(e.getMessage());
            }
        }
        switch (action) {
            case DONE -> {
                // the user exists: the row stays VALID
            }
            case RETRY, ACCOUNT_PAUSED -> throw new TransientWebexException(said);
            case ACCOUNT_SPENT, CREDENTIALS_REFUSED, SIGN_IN_AGAIN -> {
                // GetUser works on a spent account: a refusal here is the credentials, for good
                pool.setAside(account, RefusedCredentials.why(account, code));
                throw new TransientWebexException(account + " answered " + said + " to GetUser");
            }
            case FAILURE -> {
                if (USER_NOT_FOUND.equals(code)) {
                    SetUserCall.finish(exchange, "INVALID", code, "Webex does not know this user (" + said
                            + "): check the user id");
                } else {
                    SetUserCall.finish(exchange, "ERROR", code, "the user could not be checked: GetUser answered "
                            + said);
                }
            }
        }
    }
}
