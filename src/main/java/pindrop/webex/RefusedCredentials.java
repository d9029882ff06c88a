package pindrop.webex;

import pindrop.account.Account;

/** What an operator must fix when Webex refuses an account's password or access token: named by its setting. */
final class RefusedCredentials {

    private RefusedCredentials() {
    }

    /**
     * A token account refused with 030002 or 030047 holds an expired or revoked token: no cool-down renews it.
     * A password account's 030002 after a passed check is its SetUser budget (see shared/webex-xml-api.md).
     */
    static boolean forGood(Account account, Action action) {
        return action == Action.CREDENTIALS_REFUSED || (action == Action.ACCOUNT_SPENT && account.usesToken());
    }

    /** E.g. "the access token of admin3@acme.com was refused (030002): renew WEBEX_ACCOUNT_3_TOKEN". */
    static String why(Account account, String exceptionId) {
        String setting = "WEBEX_ACCOUNT_" + account.number();
        if (account.usesRefreshToken()) {
            return "the access token of " + account + " was refused (" + exceptionId
                    + "): authorise the integration again for " + account;
        }
        return account.usesToken()
                ? "the access token of " + account + " was refused (" + exceptionId + "): renew " + setting + "_TOKEN"
                : "the password of " + account + " was refused (" + exceptionId + "): check " + setting + "_PASSWORD";
    }
}
