package pindrop.webex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pindrop.account.Account;
import pindrop.account.AccountPool;
import pindrop.signin.Credentials;
import pindrop.signin.SignIn;
import pindrop.account.AccountUnavailableException;

/** What a refusal of an account's credentials does to the account, by exceptionID and kind of secret. */
class SetUserCallTest {

    @TempDir
    Path state;

    @ParameterizedTest
    @CsvSource({
            "token,    030047, SET_ASIDE, the access token of admin1@acme.com was refused (030047): renew WEBEX_ACCOUNT_1_TOKEN",
            "token,    030002, SET_ASIDE, the access token of admin1@acme.com was refused (030002): renew WEBEX_ACCOUNT_1_TOKEN",
            "password, 030047, SET_ASIDE, the password of admin1@acme.com was refused (030047): check WEBEX_ACCOUNT_1_PASSWORD",
            // a password account that passed its check: 030002 is its SetUser budget, back after the cool-down
            "password, 030002, RESTING,   Webex answered 030002 Incorrect user or password to SetUser"})
    void aRefusalMovesTheCallOnAndLeavesTheAccount(String secret, String exceptionId, AccountPool.State state,
            String why) throws Exception {
        Account account = new Account(1, "admin1@acme.com", secret.equals("password") ? "pw" : "",
                secret.equals("token") ? "tok" : "");
        AccountPool pool = AccountPool.create(List.of(account), new AccountPool.Settings(700, Duration.ofHours(24),
                Duration.ofHours(6), Duration.ZERO), new AccountPool.Pacing(Duration.ofMinutes(1), 60, 0.05),
                this.state);
        // without session tickets and OAuth accounts, each call carries the account's own secret
        SignIn signIn = new SignIn(null, null);
        SetUserCall call = new SetUserCall(pool, Duration.ofSeconds(60), signIn);
        Account taken = call.take();
        Credentials credentials = signIn.credentials(taken);
        InputStream answer = new ByteArrayInputStream(failure(exceptionId).getBytes(StandardCharsets.UTF_8));

        // the call carried the password or token itself (no session ticket), so even 030047 refuses them
        assertThrows(AccountUnavailableException.class, () -> call.judge(200, answer, taken, credentials));

        AccountPool.View view = pool.view().get(0);
        assertEquals(state, view.state());
        assertEquals(why, view.why());
    }

    private static String failure(String exceptionId) {
        String reason = exceptionId.equals("030047") ? "Not a valid session ticket" : "Incorrect user or password";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><serv:message xmlns:serv=\"" + WebexResponse.SERVICE_NS
                + "\"><serv:header><serv:response><serv:result>FAILURE</serv:result><serv:reason>" + reason
                + "</serv:reason><serv:gsbStatus>PRIMARY</serv:gsbStatus><serv:exceptionID>" + exceptionId
                + "</serv:exceptionID></serv:response></serv:header><serv:body><serv:bodyContent/></serv:body>"
                + "</serv:message>";
    }
}
