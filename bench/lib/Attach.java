import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM: java Attach.java <pid> <library> <options>.
 * The bench uses it to start and stop async-profiler around a scenario (BENCH_PROFILE=1);
 * `jcmd JVMTI.agent_load` did not pass the options through to it.
 */
public class Attach {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
