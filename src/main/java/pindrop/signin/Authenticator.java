package pindrop.signin;

import java.time.Duration;

import pindrop.account.Account;

/** Signs an account in with AuthenticateUser: what Webex answered, judged. */
@FunctionalInterface
public interface Authenticator {

    /** What came of one sign-in. */
    sealed interface Answer {
    }

    /** A ticket that works for {@code timeToLive} from when it was asked for. */
    record Issued(String ticket, Duration timeToLive) implements Answer {
        @Override
        public String toString() {
            return "Issued[" + timeToLive + "]";
        }
    }

    /** Webex refused the account's password or token: the call goes with them and Webex's answer says the rest. */
    record CredentialsRefused(String answer) implements Answer {
    }

    /** Webex refused the sign-in for another reason (a site or operation that takes no tickets). */
    record NotTaken(String answer) implements Answer {
    }

    /** No answer (network, HTTP 5xx, a transient Webex fault): try again on a later call. */
    record NoAnswer(String why) implements Answer {
    }

    /** @param accessToken the OAuth access token to sign in with, or {@code ""} for the account's password */
    Answer signIn(Account account, String accessToken);
}
