package pindrop.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderAliasesTest {

    private final HeaderAliases user = HeaderAliases.of("webExId", "WebExID", "email", "user", "User ID/Email");

    @Test
    void matchingIgnoresCaseSpacesAndBom() {
        assertEquals(Optional.of("\uFEFFWeb Ex\u00a0id"), user.find(List.of("hostPIN", "\uFEFFWeb Ex\u00a0id")));
        assertEquals(Optional.of("user id / email"), user.find(List.of("user id / email")));
    }

    @Test
    void earlierAliasWinsOverEarlierColumn() {
        assertEquals(Optional.of("webExId"), user.find(List.of("Email", "webExId")));
    }

    @Test
    void noMatchIsEmpty() {
        assertEquals(Optional.empty(), user.find(List.of("name", "hostPIN")));
    }

    @Test
    void namesAreKeptAsGivenForMessages() {
        assertEquals(List.of("hostPIN", "Host PIN", "pin"), HeaderAliases.of("hostPIN", "Host PIN", "pin").names());
    }
}
