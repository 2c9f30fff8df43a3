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
