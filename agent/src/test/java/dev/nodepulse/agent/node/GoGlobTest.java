package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoGlobTest {

    @Test
    void matchLikeGo() throws Exception {
        // Cases from the semantics of Go's path/filepath.Match.
        assertTrue(GoGlob.match("abc", "abc"));
        assertTrue(GoGlob.match("*", "abc"));
        assertTrue(GoGlob.match("*c", "abc"));
        assertFalse(GoGlob.match("a*", "ab/c"));
        assertTrue(GoGlob.match("a*/b", "abc/b"));
        assertFalse(GoGlob.match("a*/b", "a/c/b"));
        assertTrue(GoGlob.match("a*b*c*d*e*/f", "axbxcxdxe/f"));
        assertFalse(GoGlob.match("a*b*c*d*e*/f", "axbxcxdxe/xxx/f"));
        assertTrue(GoGlob.match("a*b?c*x", "abxbbxdbxebxczzx"));
        assertFalse(GoGlob.match("a*b?c*x", "abxbbxdbxebxczzy"));
        assertTrue(GoGlob.match("ab[c]", "abc"));
        assertTrue(GoGlob.match("ab[b-d]", "abc"));
        assertFalse(GoGlob.match("ab[e-g]", "abc"));
        assertFalse(GoGlob.match("ab[^c]", "abc"));
        assertTrue(GoGlob.match("ab[^e-g]", "abc"));
        assertTrue(GoGlob.match("a\\*b", "a*b"));
        assertFalse(GoGlob.match("a\\*b", "ab"));
        assertTrue(GoGlob.match("a?b", "a☺b"));
        assertTrue(GoGlob.match("a[^a]b", "a☺b"));
        assertFalse(GoGlob.match("a???b", "a☺b"));
        assertTrue(GoGlob.match("[\\-]", "-"));
        assertTrue(GoGlob.match("[x\\-]", "-"));
        assertFalse(GoGlob.match("[x\\-]", "z"));
        assertTrue(GoGlob.match("*x", "xxx"));
        assertFalse(GoGlob.match("a?b", "a/b"));
        for (String bad : new String[] {"[]a]", "[-]", "[x-]", "[\\\\", "[a-b-c]", "[", "[^", "[^bc", "a[", "\\", "a*b\\"}) {
            assertThrows(GoGlob.BadPatternException.class, () -> GoGlob.match(bad, "x"), bad);
        }
        // Go validates the rest of the pattern even when the name already failed to match.
        assertThrows(GoGlob.BadPatternException.class, () -> GoGlob.match("a*[", "b"));
    }

    @Test
    void cleanAndJoinLikeGo() {
        assertEquals("a/b", GoGlob.clean("a//b/"));
        assertEquals("/a", GoGlob.clean("/../a"));
        assertEquals("../a", GoGlob.clean("../a"));
        assertEquals(".", GoGlob.clean(""));
        assertEquals("b", GoGlob.clean("a/../b/./"));
        assertEquals("dir/x.prom", GoGlob.join("dir/", "x.prom"));
        assertEquals("x.prom", GoGlob.join("", "x.prom"));
    }

    @Test
    void globOverDirectories(@TempDir Path tmp) throws Exception {
        for (String d : new String[] {"a_dims", "b_dims", "c_other", "d_dims/nested"}) {
            Files.createDirectories(tmp.resolve(d));
        }
        Files.writeString(tmp.resolve("e_dims"), "a file matches too");
        assertEquals(List.of(tmp + "/a_dims", tmp + "/b_dims", tmp + "/d_dims", tmp + "/e_dims"),
                GoGlob.glob(tmp + "/*_dims"));
        assertEquals(List.of(tmp + "/d_dims/nested"), GoGlob.glob(tmp + "/*/nested"));
        // No meta characters: the path itself, unchanged, when it exists.
        assertEquals(List.of(tmp + "/a_dims/"), GoGlob.glob(tmp + "/a_dims/"));
        assertEquals(List.of(), GoGlob.glob(tmp + "/missing"));
        assertEquals(List.of(), GoGlob.glob(""));
        assertThrows(GoGlob.BadPatternException.class, () -> GoGlob.glob(tmp + "/[x"));
    }
}
