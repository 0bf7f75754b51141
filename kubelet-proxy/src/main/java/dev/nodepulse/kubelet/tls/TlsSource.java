package dev.nodepulse.kubelet.tls;

/**
 * Where the current {@link TlsSettings} come from; asked on every new connection so that changed certificate
 * or config files take effect without a restart. Return the same instance while nothing changed.
 */
@FunctionalInterface
public interface TlsSource {

    /** The settings for a new connection; an exception fails that handshake. */
    TlsSettings current() throws Exception;

    static TlsSource fixed(TlsSettings settings) {
        return () -> settings;
    }
}
