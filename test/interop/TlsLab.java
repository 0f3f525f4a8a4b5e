import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.*;
import java.util.concurrent.*;
import javax.net.ssl.*;

/**
 * A long-running JSSE lab for lint-deploy's differential handshake tests.
 *
 * Reads one command per line on stdin (tab-separated), runs it on a worker thread and prints one
 * result line per command on stdout. Loopback only; every socket has a timeout.
 *
 *   <id> pair <clientSpec> <serverSpec>      both sides in this JVM
 *   <id> serve <serverSpec>                  prints "<id> listening <port>" then a result
 *   <id> connect <port> <clientSpec>         client against a server on 127.0.0.1:<port>
 *
 * A spec is "k=v;k=v": protocols=a,b  suites=x,y  pref=1|0  keystore=/p.p12  clientAuth=none|want|need
 * Results: "<id> result <side> OK <protocol> <suite>" or "<id> result <side> ERR <exception text>".
 */
public final class TlsLab {
  private static final char[] PASS = "changeit".toCharArray();
  static final int TIMEOUT_MS = 8000;
  private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

  /** One command of the line protocol. */
  interface Command {
    void run(String[] fields, ExecutorService pool) throws Exception;
  }

  /** Reads commands until stdin closes, each on a worker thread; shared with TrustLab. */
  static void loop(String ready, Command command) throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    emit(ready);
    String line;
    while ((line = in.readLine()) != null) {
      final String cmd = line;
      if (cmd.isBlank()) continue;
      pool.submit(() -> {
        try {
          command.run(cmd.split("\t", -1), pool);
        } catch (Throwable t) {
          emit(cmd.split("\t")[0] + "\tresult\tlab\tERR\t" + describe(t));
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS);
  }

  public static void main(String[] args) throws Exception {
    loop("ready " + System.getProperty("java.version") + " " + Security_disabled(), TlsLab::run);
  }

  private static String Security_disabled() {
    return String.valueOf(java.security.Security.getProperty("jdk.tls.disabledAlgorithms")).replace('\t', ' ');
  }

  static synchronized void emit(String s) {
    OUT.println(s.replace('\n', ' ').replace('\r', ' '));
  }

  private static void run(String[] f, ExecutorService pool) throws Exception {
    String id = f[0];
    switch (f[1]) {
      case "pair": {
        Map<String, String> client = spec(f[2]);
        Map<String, String> server = spec(f[3]);
        SSLServerSocket ss = serverSocket(server);
        String[] results = pair(pool, ss, () -> serveOne(ss, server), port -> connect(port, client));
        emit(id + "\tresult\tpair\t" + results[0] + "\t" + results[1]);
        break;
      }
      case "serve": {
        Map<String, String> server = spec(f[2]);
        SSLServerSocket ss = serverSocket(server);
        emit(id + "\tlistening\t" + ss.getLocalPort());
        emit(id + "\tresult\tserver\t" + serveOne(ss, server));
        break;
      }
      case "connect": {
        emit(id + "\tresult\tclient\t" + connect(Integer.parseInt(f[2]), spec(f[3])));
        break;
      }
      default:
        emit(id + "\tresult\tlab\tERR\tunknown op " + f[1]);
    }
  }

  static Map<String, String> spec(String s) {
    Map<String, String> m = new HashMap<>();
    for (String kv : s.split(";")) {
      int i = kv.indexOf('=');
      if (i > 0) m.put(kv.substring(0, i), kv.substring(i + 1));
    }
    return m;
  }

  private static String[] list(Map<String, String> m, String k) {
    String v = m.get(k);
    if (v == null || v.isEmpty()) return new String[0];
    return v.split(",");
  }

  private static SSLContext context(Map<String, String> m) throws Exception {
    KeyManager[] kms = null;
    String ks = m.get("keystore");
    if (ks != null && !ks.isEmpty()) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = new FileInputStream(ks)) {
        store.load(in, PASS);
      }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, PASS);
      kms = kmf.getKeyManagers();
    }
    TrustManager[] trustAll = { new X509TrustManager() {
      public void checkClientTrusted(X509Certificate[] c, String a) {}
      public void checkServerTrusted(X509Certificate[] c, String a) {}
      public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    } };
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kms, trustAll, null);
    return ctx;
  }

  private static void configure(SSLSocket s, Map<String, String> m) {
    SSLParameters p = s.getSSLParameters();
    if (m.containsKey("protocols")) p.setProtocols(list(m, "protocols"));
    if (m.containsKey("suites")) p.setCipherSuites(list(m, "suites"));
    s.setSSLParameters(p);
  }

  /** Serves one handshake on `ss` on a worker thread while the client connects: {server result, client result} (shared with TrustLab). */
  static String[] pair(ExecutorService pool, SSLServerSocket ss, Callable<String> server, java.util.function.IntFunction<String> client) throws Exception {
    Future<String> srv = pool.submit(server);
    String cli = client.apply(ss.getLocalPort());
    String s;
    try {
      s = srv.get(TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      ss.close();
      s = "ERR\tlab timeout";
    }
    return new String[] { s, cli };
  }

  /** A loopback server socket on an ephemeral port (shared with TrustLab). */
  static SSLServerSocket listen(SSLContext ctx) throws IOException {
    SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 4, InetAddress.getByName("127.0.0.1"));
    ss.setSoTimeout(TIMEOUT_MS);
    return ss;
  }

  private static SSLServerSocket serverSocket(Map<String, String> m) throws Exception {
    return listen(context(m));
  }

  private static String serveOne(SSLServerSocket ss, Map<String, String> m) {
    SSLSocket s = null;
    try {
      s = (SSLSocket) ss.accept();
      s.setSoTimeout(TIMEOUT_MS);
      configure(s, m);
      SSLParameters p = s.getSSLParameters();
      p.setUseCipherSuitesOrder(!"0".equals(m.get("pref")));
      String ca = m.getOrDefault("clientAuth", "none");
      if (ca.equals("need")) p.setNeedClientAuth(true);
      else if (ca.equals("want")) p.setWantClientAuth(true);
      s.setSSLParameters(p);
      s.startHandshake();
      OutputStream out = s.getOutputStream();
      out.write("HTTP/1.0 200 ok\r\n\r\nhello from jsse\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      SSLSession ses = s.getSession();
      return "OK\t" + ses.getProtocol() + "\t" + ses.getCipherSuite();
    } catch (Throwable t) {
      return "ERR\t" + describe(t);
    } finally {
      // The client may already have closed after reading the page: errors while closing are not the handshake's.
      closeQuietly(s);
      closeQuietly(ss);
    }
  }

  static void closeQuietly(Closeable c) {
    if (c == null) return;
    try {
      c.close();
    } catch (IOException ignored) {
      // see above
    }
  }

  /** Connects to 127.0.0.1:port, handshakes and sends a GET; the caller reads the answer and closes the socket (shared with TrustLab). */
  static SSLSocket handshakeAndGet(SSLContext ctx, int port, java.util.function.Consumer<SSLSocket> configure) throws IOException {
    SSLSocket sock = (SSLSocket) ctx.getSocketFactory().createSocket();
    try {
      sock.setSoTimeout(TIMEOUT_MS);
      sock.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), TIMEOUT_MS);
      configure.accept(sock);
      sock.startHandshake();
      OutputStream out = sock.getOutputStream();
      out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return sock;
    } catch (IOException | RuntimeException e) {
      closeQuietly(sock);
      throw e;
    }
  }

  private static String connect(int port, Map<String, String> m) {
    try {
      SSLSocket sock = handshakeAndGet(context(m), port, s -> configure(s, m));
      try {
        BufferedReader r = new BufferedReader(new InputStreamReader(sock.getInputStream(), StandardCharsets.US_ASCII));
        String first = r.readLine();
        if (first == null) return "ERR\tno data from server";
        SSLSession ses = sock.getSession();
        return "OK\t" + ses.getProtocol() + "\t" + ses.getCipherSuite();
      } finally {
        closeQuietly(sock);
      }
    } catch (Throwable t) {
      return "ERR\t" + describe(t);
    }
  }

  static String describe(Throwable t) {
    String msg = t.getClass().getName() + ": " + t.getMessage();
    return msg.replace('\t', ' ');
  }
}
