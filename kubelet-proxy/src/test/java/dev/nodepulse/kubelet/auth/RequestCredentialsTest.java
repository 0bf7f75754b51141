package dev.nodepulse.kubelet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestCredentialsTest {

    @Test
    void bearerTokenAsTheApiserverReadsIt() {
        assertEquals("abc", RequestCredentials.bearerToken("Bearer abc"));
        assertEquals("abc", RequestCredentials.bearerToken("  bearer abc  "));
        assertEquals("abc", RequestCredentials.bearerToken("BEARER abc extra"));
        assertNull(RequestCredentials.bearerToken(null));
        assertNull(RequestCredentials.bearerToken("Bearer"));
        assertNull(RequestCredentials.bearerToken("Bearer  abc"), "two spaces leave an empty token");
        assertNull(RequestCredentials.bearerToken("Basic dXNlcjpwYXNz"));
    }

    @Test
    void authenticatedGroupIsAddedOnce() {
        UserInfo u = new UserInfo("alice", "1", List.of("dev"), Map.of("scopes", List.of("a")));
        UserInfo a = u.authenticated();
        assertEquals(List.of("dev", "system:authenticated"), a.groups());
        assertEquals(u.extra(), a.extra());
        assertSame(a, a.authenticated());
    }
}
