package pindrop.webex;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeException;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

import pindrop.account.Account;
import pindrop.batch.RowVariables;

/**
 * {@code webex.account-rate}: the hard ceiling of each admin account on its own, with the same guarantee as the
 * ceiling of all accounts together ({@link CallPermits}, one set of permits per account). The account is the
 * exchange's property PindropAccount, which every call to Webex has before it waits for its permits; the permit
 * is property PindropAccountPermit.
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

    /** The route's side (property {@link RowVariables#ACCOUNT_PERMIT}): the account's permit; none without a ceiling. */
    public Long acquire(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account) throws InterruptedException {
        return rate > 0 ? of(account).acquire() : null;
    }

    /** The route's side: the call's answer or failure is in ({@link CallPermits#afterCall}). */
    public void afterCall(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account,
            @ExchangeProperty(RowVariables.ACCOUNT_PERMIT) Long permit,
            @ExchangeProperty(RowVariables.CALL_SENT) Long sent, @Header(Exchange.HTTP_RESPONSE_CODE) Integer code,
            @ExchangeException Exception failed, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught) {
        if (permit != null) {
            of(account).afterCall(permit, sent, code, failed, caught);
        }
    }

    /** The call's permit goes back unused ({@link CallPermits#giveBack}). */
    public void giveBack(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account,
            @ExchangeProperty(RowVariables.ACCOUNT_PERMIT) Long permit) {
        if (permit != null) {
            of(account).giveBack(permit);
        }
    }

    private CallPermits of(Account account) {
        return permits.computeIfAbsent(account == null ? "" : account.id(), id -> new CallPermits(rate, periodMillis));
    }
}
