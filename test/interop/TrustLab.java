import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.*;
import java.util.concurrent.*;
import javax.net.ssl.*;

/**
 * A long-running JSSE lab for lint-deploy's certificate-trust differential tests: real key and trust
 * managers over key stores on disk (JKS or PKCS#12, as keytool made them), the JDK's own cacerts when no
 * trust store is given. One command per line on stdin (tab-separated), one result line per command.
 * Loopback only; every socket has a timeout.
 *
 *   <id> pair <clientSpec> <serverSpec>      both sides in this JVM
 *   <id> connect <port> <clientSpec>         client against a server on 127.0.0.1:<port>
 *   <id> keytool <arg> <arg>…                 this JDK's keytool, run in this JVM (no JVM start per store;
 *                                            needs --add-opens java.base/sun.security.tools.keytool=ALL-UNNAMED)
 *   <id> openssl <clientSpec> <arg> <arg>…    `openssl s_server <arg>…` (which must accept on 127.0.0.1:0 once and
 *                                            print its ACCEPT line), the client against it; started here because a
 *                                            large Node process forks slowly (tens of ms per spawn, on its event loop)
 *
 * A spec is "k=v;k=v": protocols=a,b  keystore=/p.jks  truststore=/t.p12 (absent: the JDK default)
 * clientAuth=none|want|need. Store passwords are "changeit".
 * Results: "<id> result <side> OK <protocol> <peerCertificateCount> <page>" or "<id> result <side> ERR <text>";
 * openssl: the client's result, "|", then s_server's stdout and stderr, each Base64.
 */
public final class TrustLab {
  private static final char[] PASS = "changeit".toCharArray();
  private static final int TIMEOUT_MS = TlsLab.TIMEOUT_MS;

  public static void main(String[] args) throws Exception {
    TlsLab.loop("ready " + System.getProperty("java.version"), TrustLab::run);
  }

  private static void emit(String s) {
    TlsLab.emit(s);
  }

  private static void run(String[] f, ExecutorService pool) throws Exception {
    String id = f[0];
    switch (f[1]) {
      case "pair": {
        Map<String, String> client = TlsLab.spec(f[2]);
        Map<String, String> server = TlsLab.spec(f[3]);
        SSLServerSocket ss = serverSocket(server);
        String[] results = TlsLab.pair(pool, ss, () -> serveOne(ss, server), port -> connect(port, client));
        emit(id + "\tresult\tpair\t" + results[0] + "\t|\t" + results[1]);
        break;
      }
      case "keytool":
        emit(id + "\tresult\tkeytool\t" + keytool(Arrays.copyOfRange(f, 2, f.length)));
        break;
      case "openssl":
        emit(id + "\tresult\tclient\t" + withOpenssl(TlsLab.spec(f[2]), Arrays.copyOfRange(f, 3, f.length), pool));
        break;
      case "connect":
        emit(id + "\tresult\tclient\t" + connect(Integer.parseInt(f[2]), TlsLab.spec(f[3])));
        break;
      default:
        emit(id + "\tresult\tlab\tERR\tunknown op " + f[1]);
    }
  }

  private static synchronized String keytool(String[] args) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try {
      java.lang.reflect.Constructor<?> make = Class.forName("sun.security.tools.keytool.Main").getDeclaredConstructor();
      make.setAccessible(true);
      Object tool = make.newInstance();
      java.lang.reflect.Method run = tool.getClass().getDeclaredMethod("run", String[].class, PrintStream.class);
      run.setAccessible(true);
      run.invoke(tool, args, new PrintStream(text, true, StandardCharsets.UTF_8));
      return "OK";
    } catch (java.lang.reflect.InvocationTargetException e) {
      return "ERR\t" + describe(e.getCause()) + " " + text.toString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      return "ERR\t" + describe(e);
    }
  }

  private static KeyStore load(String file) throws Exception {
    KeyStore store = KeyStore.getInstance(file.endsWith(".jks") ? "JKS" : "PKCS12");
    try (InputStream in = new FileInputStream(file)) {
      store.load(in, PASS);
    }
    return store;
  }

  /**
   * Key and trust managers by store file ("" for the JDK's cacerts): a store is written once and never changed,
   * so it is loaded once per run (PKCS#12's PBKDF2 and cacerts' parsing were most of a handshake's time). Each
   * handshake still gets a new SSLContext: no session is cached from one case to another.
   */
  private static final ConcurrentHashMap<String, KeyManager[]> KEY_MANAGERS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, TrustManager[]> TRUST_MANAGERS = new ConcurrentHashMap<>();

  private static KeyManager[] keyManagers(String file) throws Exception {
    KeyManager[] kms = KEY_MANAGERS.get(file);
    if (kms == null) {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(load(file), PASS);
      kms = kmf.getKeyManagers();
      KEY_MANAGERS.put(file, kms);
    }
    return kms;
  }

  private static TrustManager[] trustManagers(String file) throws Exception {
    TrustManager[] tms = TRUST_MANAGERS.get(file);
    if (tms == null) {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(file.isEmpty() ? null : load(file));
      tms = tmf.getTrustManagers();
      TRUST_MANAGERS.put(file, tms);
    }
    return tms;
  }

  private static SSLContext context(Map<String, String> m) throws Exception {
    String ks = m.get("keystore");
    String ts = m.get("truststore");
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(ks == null || ks.isEmpty() ? null : keyManagers(ks), trustManagers(ts == null ? "" : ts), null);
    return ctx;
  }

  private static void configure(SSLSocket s, Map<String, String> m) {
    SSLParameters p = s.getSSLParameters();
    if (m.containsKey("protocols")) p.setProtocols(m.get("protocols").split(","));
    String ca = m.getOrDefault("clientAuth", "none");
    if (ca.equals("need")) p.setNeedClientAuth(true);
    else if (ca.equals("want")) p.setWantClientAuth(true);
    s.setSSLParameters(p);
  }

  private static SSLServerSocket serverSocket(Map<String, String> m) throws Exception {
    return TlsLab.listen(context(m));
  }

  private static String serveOne(SSLServerSocket ss, Map<String, String> m) {
    SSLSocket s = null;
    try {
      s = (SSLSocket) ss.accept();
      s.setSoTimeout(TIMEOUT_MS);
      configure(s, m);
      s.startHandshake();
      // Read the request: with TLS 1.3 a rejected client certificate shows only here.
      BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      r.readLine();
      SSLSession ses = s.getSession();
      int peer = 0;
      try {
        peer = ses.getPeerCertificates().length;
      } catch (SSLPeerUnverifiedException none) {
        peer = 0;
      }
      OutputStream out = s.getOutputStream();
      out.write("HTTP/1.0 200 ok\r\n\r\nhello from jsse\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return "OK\t" + ses.getProtocol() + "\t" + peer + "\t-";
    } catch (Throwable t) {
      return "ERR\t" + describe(t);
    } finally {
      TlsLab.closeQuietly(s);
      TlsLab.closeQuietly(ss);
    }
  }

  private static String connect(int port, Map<String, String> m) {
    try {
      SSLSocket sock = TlsLab.handshakeAndGet(context(m), port, s -> configure(s, m));
      try {
        BufferedReader r = new BufferedReader(new InputStreamReader(sock.getInputStream(), StandardCharsets.US_ASCII));
        StringBuilder page = new StringBuilder();
        String l;
        while ((l = r.readLine()) != null && page.length() < 200_000) page.append(l).append('\n');
        if (page.length() == 0) return "ERR\tno data from server";
        SSLSession ses = sock.getSession();
        int local = ses.getLocalCertificates() == null ? 0 : ses.getLocalCertificates().length;
        // s_server -www says whether it got a client certificate: what nginx would answer with 400 for.
        String seen = page.indexOf("no client certificate available") >= 0 ? "no-client-certificate" : page.indexOf("Client certificate") >= 0 ? "client-certificate" : "-";
        return "OK\t" + ses.getProtocol() + "\t" + local + "\t" + seen;
      } finally {
        TlsLab.closeQuietly(sock);
      }
    } catch (Throwable t) {
      return "ERR\t" + describe(t);
    }
  }

  /** Runs `openssl s_server args`, the client against it once it listens; the client's result, then the server's output. */
  private static String withOpenssl(Map<String, String> client, String[] args, ExecutorService pool) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl", "s_server"));
    command.addAll(Arrays.asList(args));
    Process server = new ProcessBuilder(command).start();
    server.getOutputStream().close();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Future<String> stdout = pool.submit(() -> drain(server.getInputStream(), port));
    Future<String> stderr = pool.submit(() -> drain(server.getErrorStream(), null));
    String result;
    try {
      Integer p = port.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      result = p == null ? "ERR\tserver did not start" : connect(p, client);
      if (!server.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) server.destroyForcibly();
    } catch (TimeoutException e) {
      server.destroyForcibly();
      result = "ERR\tserver did not start";
    }
    Base64.Encoder b64 = Base64.getEncoder();
    return result + "\t|\t" + b64.encodeToString(stdout.get().getBytes(StandardCharsets.UTF_8)) + "\t"
        + b64.encodeToString(stderr.get().getBytes(StandardCharsets.UTF_8));
  }

  /** A stream's whole text; completes `port` with the ACCEPT line's port (null at the end without one). */
  private static String drain(InputStream in, CompletableFuture<Integer> port) throws IOException {
    StringBuilder text = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        text.append(l).append('\n');
        if (port != null && l.startsWith("ACCEPT 127.0.0.1:")) port.complete(Integer.valueOf(l.substring(17).trim()));
      }
    } finally {
      if (port != null) port.complete(null);
    }
    return text.toString();
  }

  private static String describe(Throwable t) {
    StringBuilder msg = new StringBuilder(t.getClass().getName() + ": " + t.getMessage());
    for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) msg.append(" / ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
    return msg.toString().replace('\t', ' ');
  }
}
