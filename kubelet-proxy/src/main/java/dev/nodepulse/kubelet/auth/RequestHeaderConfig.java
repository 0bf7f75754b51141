package dev.nodepulse.kubelet.auth;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Front-proxy ("request header") authentication settings, as an aggregated API server reads them from its
 * {@code --requestheader-*} flags or from {@code kube-system/extension-apiserver-authentication}.
 *
 * @param cas                 the CAs that sign the front proxy's client certificate
 * @param allowedNames        allowed subject CNs of that certificate; empty allows any certificate the CAs signed
 * @param usernameHeaders     headers naming the user, first non-empty wins (X-Remote-User)
 * @param groupHeaders        headers whose every value is a group (X-Remote-Group)
 * @param extraHeaderPrefixes header prefixes carrying user extra (X-Remote-Extra-)
 * @param uidHeaders          headers naming the user's UID, first non-empty wins (X-Remote-Uid); may be empty
 */
public record RequestHeaderConfig(List<X509Certificate> cas, List<String> allowedNames, List<String> usernameHeaders,
        List<String> groupHeaders, List<String> extraHeaderPrefixes, List<String> uidHeaders) {

    public RequestHeaderConfig {
        cas = List.copyOf(cas);
        allowedNames = List.copyOf(allowedNames);
        usernameHeaders = List.copyOf(usernameHeaders);
        groupHeaders = List.copyOf(groupHeaders);
        extraHeaderPrefixes = List.copyOf(extraHeaderPrefixes);
        uidHeaders = uidHeaders == null ? List.of() : List.copyOf(uidHeaders);
    }
}
