package wirelab.rmi;

import java.io.ObjectInputFilter;
import java.lang.reflect.Proxy;
import java.rmi.Remote;
import java.rmi.server.RemoteObject;
import java.rmi.server.RemoteObjectInvocationHandler;
import java.util.Set;

/**
 * A JEP 290 deserialization filter (task 4): what the lab's remote objects agree to read.
 *
 * <p>Unmarshalling arguments means running {@code readObject} on bytes a stranger sent. A
 * class that merely sits on the class path can then do harm ("gadget chains"), so the server
 * says up front which classes it reads: the lab's value type, strings, and the stubs of the
 * lab's remote interfaces (a listener arrives as a stub). Everything else is rejected before
 * any of its code runs, and size limits stop a stream from eating the server's memory.
 *
 * <p>Installed per remote object with
 * {@code UnicastRemoteObject.exportObject(obj, port, csf, ssf, LabFilter.INSTANCE)}.
 */
public final class LabFilter implements ObjectInputFilter {

    public static final LabFilter INSTANCE = new LabFilter();

    /** Nesting, object count, array length and bytes one call may send. */
    static final long MAX_DEPTH = 8;
    static final long MAX_REFERENCES = 1_000;
    static final long MAX_ARRAY = 1_000;
    static final long MAX_BYTES = 256 * 1024;

    /**
     * The same idea for the RMI registry, in its own pattern syntax (JDK property
     * {@code sun.rmi.registry.registryFilter}): on top of the registry's built-in allow list
     * (stubs only), tighter limits. The registry reads it once, when its class loads.
     */
    public static final String REGISTRY_PATTERN = "maxdepth=8;maxrefs=100;maxarray=100;maxbytes=65536";

    private LabFilter() {
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES
                || info.arrayLength() > MAX_ARRAY || info.streamBytes() > MAX_BYTES) {
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;   // a limits-only check: no class to judge
        }
        return isLabType(type) ? Status.ALLOWED : Status.REJECTED;
    }

    /** The lab's value types, and what a stub is made of besides its proxy class. */
    private static final Set<Class<?>> ALLOWED = Set.of(Info.class, String.class, Proxy.class,
            RemoteObjectInvocationHandler.class, RemoteObject.class);

    private static boolean isLabType(Class<?> type) {
        if (ALLOWED.contains(type)) {
            return true;
        }
        if (Proxy.isProxyClass(type)) {
            for (Class<?> face : type.getInterfaces()) {
                if (!isLabRemoteInterface(face)) {
                    return false;
                }
            }
            return true;
        }
        return isLabRemoteInterface(type);
    }

    private static boolean isLabRemoteInterface(Class<?> type) {
        return type.isInterface() && Remote.class.isAssignableFrom(type)
                && type.getPackageName().equals(LabFilter.class.getPackageName());
    }

    /** Sets the registry's filter unless the JVM was started with one; call before creating a registry. */
    public static void installRegistryFilter() {
        if (System.getProperty("sun.rmi.registry.registryFilter") == null) {
            System.setProperty("sun.rmi.registry.registryFilter", REGISTRY_PATTERN);
        }
    }
}
