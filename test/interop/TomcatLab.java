import java.io.*;
import java.lang.reflect.Method;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.*;
import java.util.concurrent.*;
import javax.net.ssl.*;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.net.jsse.JSSEUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A JSSE server set up as Tomcat sets it, for lint-deploy's interop tests: it reads a tree's server.xml (the
 * first TLS Connector, its SSLHostConfig and Certificate), lets Tomcat's own classes (SSLHostConfig,
 * JSSEUtil: the jars of an installed Tomcat on the classpath) compute the enabled protocols and suites, and
 * configures each accepted socket as AbstractJsseEndpoint.createSSLEngine does: enabled suites, enabled
 * protocols, setUseCipherSuitesOrder(honorCipherOrder). The JVM runs with the tree's java.security
 * (-Djava.security.properties) and JVM options.
 *
 * One command per line on stdin (tab-separated); loopback only, every socket has a timeout:
 *   <id> serve <server.xml> <connections>   prints "<id> listening <port>", then "<id> done" after the handshakes
 *   <id> lists <server.xml>                 prints "<id> lists <protocols> <suites>" (Tomcat's enabled lists)
 */
public final class TomcatLab {
  private static final int TIMEOUT_MS = 8000;
  private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    emit("ready " + System.getProperty("java.version") + " " + String.valueOf(java.security.Security.getProperty("jdk.tls.disabledAlgorithms")).replace('\t', ' '));
    String line;
    while ((line = in.readLine()) != null) {
      final String[] f = line.split("\t", -1);
      if (f.length < 3) continue;
      pool.submit(() -> {
        try {
          run(f);
        } catch (Throwable t) {
          emit(f[0] + "\terror\t" + (t.getClass().getName() + ": " + t.getMessage()).replace('\t', ' '));
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS);
  }

  private static synchronized void emit(String s) {
    OUT.println(s.replace('\n', ' ').replace('\r', ' '));
  }

  /** The server.xml attributes Tomcat reads for one SSLHostConfig: its own, else the Connector's (legacy form). */
  private static final class Config {
    final Map<String, String> host = new HashMap<>();
    final Map<String, String> connector = new HashMap<>();
    final Map<String, String> certificate = new HashMap<>();

    String get(String... names) {
      for (Map<String, String> m : List.of(host, connector)) for (String n : names) if (m.containsKey(n)) return m.get(n);
      return null;
    }
  }

  private static Config read(String serverXml) throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(serverXml));
    NodeList connectors = doc.getElementsByTagName("Connector");
    for (int i = 0; i < connectors.getLength(); i++) {
      Element c = (Element) connectors.item(i);
      NodeList hosts = c.getElementsByTagName("SSLHostConfig");
      if (!"true".equalsIgnoreCase(c.getAttribute("SSLEnabled")) && hosts.getLength() == 0) continue;
      Config cfg = new Config();
      copy(c, cfg.connector);
      if (hosts.getLength() > 0) {
        Element h = (Element) hosts.item(0);
        copy(h, cfg.host);
        NodeList certs = h.getElementsByTagName("Certificate");
        if (certs.getLength() > 0) copy((Element) certs.item(0), cfg.certificate);
      }
      return cfg;
    }
    throw new IllegalArgumentException("no TLS Connector in " + serverXml);
  }

  private static void copy(Element e, Map<String, String> into) {
    for (int i = 0; i < e.getAttributes().getLength(); i++) into.put(e.getAttributes().item(i).getNodeName(), e.getAttributes().item(i).getNodeValue());
  }

  /** Tomcat's enabled lists and suite order for the configuration. */
  private static final class Tomcat {
    String[] protocols;
    String[] suites;
    boolean honorCipherOrder;
    SSLContext context;
  }

  private static Tomcat configure(Config cfg) throws Exception {
    SSLHostConfig host = new SSLHostConfig();
    String protocols = cfg.get("protocols", "sslEnabledProtocols");
    if (protocols != null) host.setProtocols(protocols);
    String ciphers = cfg.get("ciphers");
    if (ciphers != null) host.setCiphers(ciphers);
    String cipherSuites = cfg.get("cipherSuites");
    if (cipherSuites != null) {
      // Only Tomcat releases with TLS 1.3 cipherSuites have the setter.
      Method m = SSLHostConfig.class.getMethod("setCipherSuites", String.class);
      m.invoke(host, cipherSuites);
    }
    String honor = cfg.get("honorCipherOrder", "useServerCipherSuitesOrder");
    if (honor != null) host.setHonorCipherOrder(Boolean.parseBoolean(honor));
    JSSEUtil util = new JSSEUtil(new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED));
    Tomcat t = new Tomcat();
    t.protocols = util.getEnabledProtocols();
    t.suites = util.getEnabledCiphers();
    t.honorCipherOrder = host.getHonorCipherOrder();
    String store = cfg.certificate.getOrDefault("certificateKeystoreFile", cfg.connector.get("keystoreFile"));
    char[] pass = cfg.certificate.getOrDefault("certificateKeystorePassword", cfg.connector.getOrDefault("keystorePass", "changeit")).toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store)) {
      ks.load(in, pass);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pass);
    t.context = SSLContext.getInstance("TLS");
    t.context.init(kmf.getKeyManagers(), null, null);
    return t;
  }

  private static void run(String[] f) throws Exception {
    String id = f[0];
    Tomcat t = configure(read(f[2]));
    if (f[1].equals("lists")) {
      emit(id + "\tlists\t" + String.join(",", t.protocols) + "\t" + String.join(",", t.suites));
      return;
    }
    int connections = Integer.parseInt(f[3]);
    try (SSLServerSocket ss = (SSLServerSocket) t.context.getServerSocketFactory().createServerSocket(0, 16, InetAddress.getByName("127.0.0.1"))) {
      ss.setSoTimeout(TIMEOUT_MS * 2);
      emit(id + "\tlistening\t" + ss.getLocalPort());
      for (int i = 0; i < connections; i++) {
        try (SSLSocket s = (SSLSocket) ss.accept()) {
          s.setSoTimeout(TIMEOUT_MS);
          // As AbstractJsseEndpoint.createSSLEngine: the lists and the order are set on every engine.
          s.setEnabledCipherSuites(t.suites);
          s.setEnabledProtocols(t.protocols);
          SSLParameters p = s.getSSLParameters();
          p.setUseCipherSuitesOrder(t.honorCipherOrder);
          s.setSSLParameters(p);
          s.startHandshake();
        } catch (IOException e) {
          // The harness reads the answer on the wire and hangs up: the server's own error is not needed.
        }
      }
    }
    emit(id + "\tdone\t" + connections);
  }
}
