package io.hallway.deploy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets the README tells an operator to create ("kubectl create secret generic NAME --from-literal=KEY=..."),
 * with their keys: the manifests may refer to nothing else but what the operators make themselves.
 */
final class SecretsToCreate {

    private static final Pattern COMMAND = Pattern.compile("create secret generic ([a-z0-9-]+)");
    private static final Pattern KEY = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=");

    private SecretsToCreate() {
    }

    static Map<String, Set<String>> inReadme() {
        List<String> lines = Manifests.read(Path.of("README.md")).lines().toList();
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher command = COMMAND.matcher(lines.get(i));
            if (!command.find()) {
                continue;
            }
            Set<String> keys = secrets.computeIfAbsent(command.group(1), name -> new HashSet<>());
            // The command goes on while its lines end in a backslash.
            for (int line = i; line < lines.size(); line++) {
                Matcher key = KEY.matcher(lines.get(line));
                while (key.find()) {
                    keys.add(key.group(1));
                }
                if (!lines.get(line).strip().endsWith("\\")) {
                    break;
                }
            }
        }
        return secrets;
    }
}
