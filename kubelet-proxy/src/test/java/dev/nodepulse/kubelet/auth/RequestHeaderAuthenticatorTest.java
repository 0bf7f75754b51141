package dev.nodepulse.kubelet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.testing.TestPki;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

/** The front-proxy authenticator's outcomes, as k8s.io/apiserver's request-header authenticator has them. */
class RequestHeaderAuthenticatorTest {

    private static RequestHeaderAuthenticator.Headers headers(Map<String, List<String>> h) {
        return new RequestHeaderAuthenticator.Headers() {
            @Override
            public List<String> values(String name) {
                for (Map.Entry<String, List<String>> e : h.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(name)) {
                        return e.getValue();
                    }
                }
                return List.of();
            }

            @Override
            public Iterable<String> names() {
                return h.keySet();
            }
        };
    }

    private static X509Certificate[] chain(PemFiles.KeyPair p) {
        return p.chain().toArray(new X509Certificate[0]);
    }

    @Test
    void outcomes() throws Exception {
        PemFiles.KeyPair ca = TestPki.ca("front-proxy-ca");
        PemFiles.KeyPair proxy = TestPki.issue(ca, "front-proxy-client", List.of(), KeyPurposeId.id_kp_clientAuth, List.of());
        PemFiles.KeyPair other = TestPki.issue(ca, "someone-else", List.of(), KeyPurposeId.id_kp_clientAuth, List.of());
        PemFiles.KeyPair serverOnly = TestPki.issue(ca, "front-proxy-client", List.of(), KeyPurposeId.id_kp_serverAuth, List.of());
        PemFiles.KeyPair foreign = TestPki.issue(TestPki.ca("other-ca"), "front-proxy-client", List.of(),
                KeyPurposeId.id_kp_clientAuth, List.of());
        RequestHeaderAuthenticator a = new RequestHeaderAuthenticator(new RequestHeaderConfig(List.of(ca.chain().get(0)),
                List.of("front-proxy-client"), List.of("X-Remote-User"), List.of("X-Remote-Group"),
                List.of("X-Remote-Extra-"), List.of("X-Remote-Uid")));
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("X-Remote-User", List.of("jane"));
        h.put("X-Remote-Group", List.of("admins", "devs"));
        h.put("X-Remote-Extra-Acme.com%2Fproject", List.of("p1", "p2"));
        h.put("X-Remote-Uid", List.of("u-1"));

        UserInfo u = a.authenticate(chain(proxy), headers(h)).user();
        assertNotNull(u);
        assertEquals("jane", u.name());
        assertEquals("u-1", u.uid());
        assertEquals(List.of("admins", "devs"), u.groups());
        assertEquals(List.of("p1", "p2"), u.extra().get("acme.com/project".toLowerCase(Locale.ROOT)));

        RequestHeaderAuthenticator.Result notAllowed = a.authenticate(chain(other), headers(h));
        assertNull(notAllowed.user());
        assertEquals("x509: subject with cn=someone-else is not in the allowed list", notAllowed.error());

        assertFalse(a.authenticate(chain(foreign), headers(h)).applies(), "another CA's certificate: next authenticator");
        assertFalse(a.authenticate(null, headers(h)).applies(), "no certificate: headers ignored");
        assertFalse(a.authenticate(chain(serverOnly), headers(h)).applies(), "not a client certificate");
        assertFalse(a.authenticate(chain(proxy), headers(Map.of())).applies(), "no user header");

        RequestHeaderAuthenticator anyName = new RequestHeaderAuthenticator(new RequestHeaderConfig(List.of(ca.chain().get(0)),
                List.of(), List.of("X-Remote-User"), List.of("X-Remote-Group"), List.of("X-Remote-Extra-"), null));
        assertEquals("jane", anyName.authenticate(chain(other), headers(h)).user().name(), "empty allowed names: any CN");
    }

    @Test
    void cachedDecisions() throws Exception {
        int[] calls = {0};
        long[] now = {0};
        AccessReviewer counting = (user, attrs) -> {
            calls[0]++;
            return new KubeReviews.Decision(user.name().equals("ok"), false, "", "");
        };
        CachingAccessReviewer c = new CachingAccessReviewer(counting, java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(5), () -> now[0]);
        UserInfo ok = new UserInfo("ok", "", List.of(), Map.of());
        UserInfo no = new UserInfo("no", "", List.of(), Map.of());
        AccessAttributes list = AccessAttributes.resource("list", "metrics.k8s.io", "v1beta1", "pods", "default", "");
        c.review(ok, list);
        c.review(ok, list);
        c.review(no, list);
        c.review(no, list);
        assertEquals(2, calls[0]);
        now[0] = 6_000_000_000L;
        c.review(ok, list);
        c.review(no, list);
        assertEquals(3, calls[0], "denials expire after 5 s, allowances after 10 s");
        c.review(ok, AccessAttributes.nonResource("get", "/apis"));
        assertEquals(4, calls[0]);
    }
}
