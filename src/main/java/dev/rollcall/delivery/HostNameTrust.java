package dev.rollcall.delivery;

import java.net.Socket;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.KeyStoreException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Verifies a webhook receiver's certificate for the target's host name while the connection goes
 * to the address the SSRF guard checked (an IP literal, so the JDK would otherwise check the
 * certificate against the IP). The chain is validated by the JDK's own trust manager; the name is
 * matched here against the certificate's DNS subject alternative names (RFC 6125: no fallback to
 * the common name; a wildcard only as the whole left-most label, covering exactly one label).
 */
final class HostNameTrust extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager chain;
    private final String host;

    HostNameTrust(X509ExtendedTrustManager chain, String host) {
        this.chain = chain;
        this.host = host.toLowerCase(Locale.ROOT);
    }

    /** The JDK's default trust manager (the cacerts trust store), or the one built from {@code store}. */
    static X509ExtendedTrustManager fromStore(KeyStore store) {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new IllegalStateException("no X.509 trust manager", e);
        }
        throw new IllegalStateException("no X.509 trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine) throws CertificateException {
        check(certs, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket) throws CertificateException {
        check(certs, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        check(certs, authType);
    }

    private void check(X509Certificate[] certs, String authType) throws CertificateException {
        chain.checkServerTrusted(certs, authType);
        if (certs.length == 0 || !matches(certs[0], host)) {
            throw new CertificateException("the certificate is not for " + host);
        }
    }

    static boolean matches(X509Certificate cert, String host) throws CertificateParsingException {
        Collection<List<?>> names = cert.getSubjectAlternativeNames();
        if (names == null) {
            return false;
        }
        for (List<?> n : names) {
            if (n.size() >= 2 && Integer.valueOf(2).equals(n.get(0)) && n.get(1) instanceof String dns
                    && nameMatches(dns.toLowerCase(Locale.ROOT), host)) {
                return true;
            }
        }
        return false;
    }

    static boolean nameMatches(String pattern, String host) {
        if (!pattern.startsWith("*.")) {
            return pattern.equals(host);
        }
        int dot = host.indexOf('.');
        // *.example.com covers a.example.com, not example.com nor a.b.example.com; never a bare public suffix
        return dot > 0 && pattern.indexOf('.', 2) > 0 && host.substring(dot).equals(pattern.substring(1));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("webhook connections do not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("webhook connections do not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        throw new CertificateException("webhook connections do not accept clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chain.getAcceptedIssuers();
    }
}
