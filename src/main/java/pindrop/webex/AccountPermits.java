package pindrop.webex;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;

import pindrop.account.Account;
import pindrop.batch.RowVariables;

/**
 * {@code webex.account-rate}: the hard ceiling of each admin account on its own, with the same guarantee as the
 * ceiling of all accounts together ({@link CallPermits}, one set of permits per account). The account is the
 * exchange's property PindropAccount, which every call to Webex has before it waits for its permits.
 */
public final class AccountPermits {

    private final int rate;
    private final long periodMillis;
    private final Map<String, CallPermits> permits = new ConcurrentHashMap<>();

    /** @param rate most calls per period of one account; 0: no ceiling */
    public AccountPermits(int rate, long periodMillis) {
        this.rate = rate;
        this.periodMillis = periodMillis;
        if (rate < 0) {
            throw new IllegalArgumentException("webex.account-rate must be 0 (off) or more, not " + rate);
        }
    }

    public void beforeCall(Exchange exchange) throws InterruptedException {
        if (rate > 0) {
            of(exchange).beforeCall(exchange);
        }
    }

    public void afterCall(Exchange exchange) {
        if (rate > 0) {
            of(exchange).afterCall(exchange);
        }
    }

    /** The call's permit goes back unused ({@link CallPermits#giveBack}). */
    public void giveBack(Exchange exchange) {
        if (rate > 0) {
            of(exchange).giveBack(exchange);
        }
    }

    private CallPermits of(Exchange exchange) {
        Account account = exchange.getProperty(RowVariables.CALL_ACCOUNT, Account.class);
        return permits.computeIfAbsent(account == null ? "" : account.id(), id -> new CallPermits(rate, periodMillis));
    }
}
