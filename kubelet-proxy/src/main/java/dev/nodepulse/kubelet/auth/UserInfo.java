package dev.nodepulse.kubelet.auth;

import java.util.List;
import java.util.Map;

/** An authenticated Kubernetes user, as TokenReview returns it and SubjectAccessReview takes it. */
public record UserInfo(String name, String uid, List<String> groups, Map<String, List<String>> extra) {

    public UserInfo {
        groups = groups == null ? List.of() : List.copyOf(groups);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        uid = uid == null ? "" : uid;
    }

    /** The group every authenticated user is in. */
    public static final String AUTHENTICATED_GROUP = "system:authenticated";

    /** This user with {@link #AUTHENTICATED_GROUP} among its groups, as the apiserver adds it. */
    public UserInfo authenticated() {
        if (groups.contains(AUTHENTICATED_GROUP)) {
            return this;
        }
        List<String> g = new java.util.ArrayList<>(groups);
        g.add(AUTHENTICATED_GROUP);
        return new UserInfo(name, uid, g, extra);
    }
}
