package dev.nodepulse.kubelet.auth;

import java.lang.reflect.InvocationTargetException;

/**
 * Creates the client-java implementation of {@link KubeReviews} by name, through {@link KubeLibrary}'s class
 * loader, so that no class of this module that is loaded without kube auth refers to it: the JVM then never
 * loads the Kubernetes client (nor OkHttp, Kotlin, Gson) unless kube auth is turned on, and in the agent's jar
 * the client is not even unpacked. A test starts the agent with class-load logging to hold this.
 */
public final class KubeReviewsLoader {

    static final String IMPLEMENTATION = "dev.nodepulse.kubelet.auth.kube.ClientJavaReviews";

    private KubeReviewsLoader() {}

    public static KubeReviews load(KubeClientOptions options) throws Exception {
        try {
            return (KubeReviews) Class.forName(IMPLEMENTATION, true, KubeLibrary.classLoader())
                    .getConstructor(KubeClientOptions.class)
                    .newInstance(options);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
