using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ParallelSum.Docs.Tests;

/// <summary>The packages' XML docs (what IntelliSense shows every user) describe the code, not one machine, and state
/// every option's default as the code has it.</summary>
public sealed partial class XmlDocTests
{
    public static TheoryData<string> Packages() => new() { "ParallelSum", "ParallelSum.Orleans" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void XmlDocs_MakeNoClaimAboutOneMachine(string package)
    {
        XDocument docs = Load(package);
        var exported = new HashSet<string>(Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, package + ".dll"))
            .GetExportedTypes().Select(t => t.FullName!.Replace('+', '.')), StringComparer.Ordinal);
        string[] claims = [.. docs.Descendants("member")
            .Select(m => (Name: (string?)m.Attribute("name"), Text: m.Value))
            .Where(m => m.Name is not null && exported.Contains(OwningType(m.Name)))
            .Where(m => MachineClaim().IsMatch(m.Text))
            .Select(m => $"{m.Name}: \"{MachineClaim().Match(m.Text).Value}\"")];
        Assert.True(claims.Length == 0, $"{package}'s XML docs speak of one machine:\n{string.Join('\n', claims)}");
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void EveryOptionsProperty_DocumentsItsDefault_AsTheCodeHasIt(string package)
    {
        XDocument docs = Load(package);
        Assembly assembly = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, package + ".dll"));
        var problems = new List<string>();
        foreach (Type type in assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.IsClass && !t.IsAbstract))
        {
            object? instance = type.GetConstructor(Type.EmptyTypes)?.Invoke(null);
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                string id = $"P:{property.DeclaringType!.FullName}.{property.Name}";
                XElement? value = docs.Descendants("member").SingleOrDefault(m => (string?)m.Attribute("name") == id)?.Element("value");
                if (value is null || !value.Value.Contains("default", StringComparison.OrdinalIgnoreCase) && !value.Elements("see").Any())
                {
                    problems.Add($"{id} has no <value> stating its default");
                    continue;
                }

                if (instance is not null && StatedDefault(value, assembly) is { } stated && !SameValue(property.GetValue(instance), stated))
                {
                    problems.Add($"{id}: the docs say the default is {stated}, the code has {property.GetValue(instance)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    // The compiler documents every member it compiles, internal ones included; the build keeps only the public surface
    // (eng/PublicXmlDocs). Checked here by reflection, independently of that filter: every entry belongs to an exported type
    // and names a public or protected member of it, and every exported type keeps its entry.
    [Theory]
    [MemberData(nameof(Packages))]
    public void XmlDocs_HoldThePublicSurfaceOnly(string package)
    {
        XDocument docs = Load(package);
        Assembly assembly = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, package + ".dll"));
        Dictionary<string, Type> exported = assembly.GetExportedTypes().ToDictionary(t => t.FullName!.Replace('+', '.'), StringComparer.Ordinal);
        Dictionary<string, Type> all = assembly.GetTypes().Where(t => !t.Name.StartsWith('<')).ToDictionary(t => t.FullName!.Replace('+', '.'), StringComparer.Ordinal);
        var ids = docs.Descendants("member").Select(m => (string?)m.Attribute("name") ?? "(no name)").ToList();
        var problems = new List<string>();
        foreach (string id in ids)
        {
            string owner = OwningType(id);
            if (!exported.TryGetValue(owner, out Type? type))
            {
                problems.Add(all.ContainsKey(owner) ? $"{id}: {owner} is not public" : $"{id}: no type {owner} in {package}.dll");
                continue;
            }

            if (id[0] != 'T' && !HasVisibleMember(type, MemberName(id)))
            {
                problems.Add($"{id}: {owner} has no public or protected member of that name");
            }
        }

        // Generated public types (Orleans' serializers and invokers) carry no doc comments.
        problems.AddRange(exported.Where(e => !e.Value.IsDefined(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), inherit: false))
            .Select(e => e.Key).Where(name => !ids.Contains("T:" + name, StringComparer.Ordinal)).Select(name => $"T:{name}: a public type without its entry"));
        Assert.True(problems.Count == 0, $"{package}.xml:\n{string.Join('\n', problems)}");
        Assert.True(all.Count > exported.Count, $"{package}.dll has no internal type, so this test checks nothing");
    }

    // The member's name as reflection has it: #ctor is a constructor, '#' stands for the dots of an explicit implementation.
    private static string MemberName(string id)
    {
        string path = id[2..];
        int parenthesis = path.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
        {
            path = path[..parenthesis];
        }

        string name = path[(path.LastIndexOf('.') + 1)..];
        int generic = name.IndexOf("``", StringComparison.Ordinal);
        name = generic >= 0 ? name[..generic] : name;
        return name == "#ctor" ? ".ctor" : name == "#cctor" ? ".cctor" : name.Replace('#', '.').Replace('{', '<').Replace('}', '>').Replace('@', ',');
    }

    private static bool HasVisibleMember(Type type, string name)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (MemberInfo member in type.GetMembers(Declared).Where(m => m.Name == name))
        {
            bool visible = member switch
            {
                MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly || (m.IsPrivate && m.Name.Contains('.', StringComparison.Ordinal)),
                FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
                PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly || (a.IsPrivate && p.Name.Contains('.', StringComparison.Ordinal))),
                EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily || add.IsFamilyOrAssembly),
                Type t => t.IsNestedPublic || t.IsNestedFamily || t.IsNestedFamORAssem,
                _ => false,
            };
            if (visible)
            {
                return true;
            }
        }

        return false;
    }

    // The default a <value> states: a constant or static member it points to, or a number right after "Defaults to" / "default is".
    private static object? StatedDefault(XElement value, Assembly assembly)
    {
        Match lead = DefaultLead().Match(value.ToString(SaveOptions.DisableFormatting));
        if (!lead.Success)
        {
            return null;
        }

        if (lead.Groups["cref"].Success)
        {
            string cref = lead.Groups["cref"].Value;
            if (cref[0] is 'F' or 'P')
            {
                string path = cref[2..];
                int dot = path.LastIndexOf('.');
                Type? owner = assembly.GetType(path[..dot]);
                MemberInfo? member = owner?.GetMember(path[(dot + 1)..], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).FirstOrDefault();
                return member switch
                {
                    FieldInfo f => f.GetValue(null),
                    PropertyInfo p => p.GetValue(null),
                    _ => null,
                };
            }

            return null;
        }

        return double.Parse(lead.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool SameValue(object? actual, object stated)
    {
        if (stated is double number)
        {
            return actual switch
            {
                TimeSpan span => span.TotalSeconds == number,
                string or bool or null => false,
                IConvertible convertible => convertible.ToDouble(System.Globalization.CultureInfo.InvariantCulture) == number,
                _ => false,
            };
        }

        return Equals(actual, stated);
    }

    // The type a documentation id belongs to: "T:A.B" is A.B itself, "M:A.B.C(System.Int32)" is A.B.
    private static string OwningType(string id)
    {
        string path = id[2..];
        int parenthesis = path.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
        {
            path = path[..parenthesis];
        }

        return id[0] == 'T' ? path : path[..Math.Max(0, path.LastIndexOf('.'))];
    }

    private static XDocument Load(string package) => XDocument.Load(Path.Combine(AppContext.BaseDirectory, package + ".xml"));

    [GeneratedRegex(@"(?i)\b(EPYC|Xeon|Ryzen|Zen ?4|our machine|the project's machine|this VM|2-core|two-core|measured on|on this box)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MachineClaim();

    [GeneratedRegex(@"(?i)(?:defaults? to|default is|default:)\s*(?:<see cref=""(?<cref>[^""]+)""\s*/>|(?<number>-?[0-9][0-9,_]*(?:\.[0-9]+)?))", RegexOptions.CultureInvariant)]
    private static partial Regex DefaultLead();
}
