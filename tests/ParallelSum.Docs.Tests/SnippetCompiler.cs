using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParallelSum.Docs.Tests;

/// <summary>Compiles a C# block of a page as a user would paste it into a new console project (implicit usings, nullable on)
/// that references the ParallelSum packages, and runs it when asked.</summary>
internal static class SnippetCompiler
{
    // What `dotnet new console` puts in scope through ImplicitUsings.
    private const string ImplicitUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles <paramref name="block"/>; a block with top-level statements becomes a program, any other a library.</summary>
    /// <returns>The compilation's errors (empty when it compiled) and, when it did, the assembly's bytes.</returns>
    public static (IReadOnlyList<string> Errors, byte[]? Assembly) Compile(MarkdownCodeBlock block)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree code = CSharpSyntaxTree.ParseText(block.Code, parse, path: block.ToString());
        SyntaxTree usings = CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "ImplicitUsings.cs");
        bool isProgram = code.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var options = new CSharpCompilationOptions(isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithOptimizationLevel(OptimizationLevel.Release);
        var compilation = CSharpCompilation.Create("Snippet_" + Guid.NewGuid().ToString("N"), [usings, code], References.Value, options);

        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
        string[] errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id} at line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToArray();
        return (errors, result.Success ? image.ToArray() : null);
    }

    /// <summary>Runs a compiled program's entry point with its console output captured, waiting at most <paramref name="deadline"/>.</summary>
    /// <returns>What the program wrote to standard output.</returns>
    /// <exception cref="TimeoutException">The program did not end within <paramref name="deadline"/>.</exception>
    public static async Task<string> RunAsync(byte[] assembly, TimeSpan deadline)
    {
        var context = new AssemblyLoadContext("snippet", isCollectible: true);
        TextWriter original = Console.Out;
        var output = new StringWriter();
        try
        {
            Assembly loaded = context.LoadFromStream(new MemoryStream(assembly));
            MethodInfo entry = loaded.EntryPoint ?? throw new InvalidOperationException("The block has no entry point.");
            Console.SetOut(output);
            object? returned = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            if (returned is Task task)
            {
                await task.WaitAsync(deadline).ConfigureAwait(false);
            }

            return output.ToString();
        }
        finally
        {
            Console.SetOut(original);
            context.Unload();
        }
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The framework's assemblies, then every managed assembly beside this test (the ParallelSum packages and their
        // dependencies), each simple name once.
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string tpa = (string)(AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty);
        foreach (string path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        foreach (string path in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            if (IsManaged(path))
            {
                paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        return [.. paths.Values.Where(IsManaged).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            _ = AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
