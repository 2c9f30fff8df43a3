using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using ParallelSum.Build.PublicXmlDocs;

// PublicXmlDocs ASSEMBLY XML: rewrites XML (the compiler's documentation file for ASSEMBLY) in place, keeping the entries of
// the public surface only. Every entry must name a type or member of ASSEMBLY: an id that matches nothing means this
// program writes ids differently from the compiler, and fails the build rather than drop documentation silently.
// Errors are printed in MSBuild's canonical form, so the build shows them as errors of the documentation file.
if (args.Length != 2)
{
    Console.Error.WriteLine("PublicXmlDocs: error PXD0001: usage: PublicXmlDocs ASSEMBLY XML");
    return 2;
}

string assemblyPath = args[0];
string xmlPath = args[1];
IReadOnlyDictionary<string, bool> visible;
using (var stream = File.OpenRead(assemblyPath))
using (var pe = new PEReader(stream))
{
    visible = DocumentationIdIndex.Read(pe.GetMetadataReader()).Visible;
}

string original = File.ReadAllText(xmlPath);
XDocument docs = XDocument.Parse(original, LoadOptions.PreserveWhitespace);
XElement members = docs.Root?.Element("members") ?? throw new InvalidDataException($"{xmlPath} has no <members> element");
var unknown = new List<string>();
int removed = 0;
foreach (XElement member in members.Elements("member").ToList())
{
    string? id = (string?)member.Attribute("name");
    if (id is null || !visible.TryGetValue(id, out bool isPublic))
    {
        unknown.Add(id ?? "(no name)");
        continue;
    }

    if (!isPublic)
    {
        if (member.PreviousNode is XText indent && string.IsNullOrWhiteSpace(indent.Value))
        {
            indent.Remove();
        }

        member.Remove();
        removed++;
    }
}

if (unknown.Count > 0)
{
    foreach (string id in unknown)
    {
        Console.Error.WriteLine($"{xmlPath}: error PXD0002: the documentation id '{id}' names no type or member of {Path.GetFileName(assemblyPath)}");
    }

    return 1;
}

// Written only when something changed, so an up-to-date build leaves the file (and what copies it) untouched.
if (removed > 0)
{
    using var writer = new StreamWriter(xmlPath, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    docs.Save(writer, SaveOptions.DisableFormatting);
}

Console.WriteLine($"{Path.GetFileName(xmlPath)}: {members.Elements("member").Count()} public entries kept, {removed} non-public removed");
return 0;
