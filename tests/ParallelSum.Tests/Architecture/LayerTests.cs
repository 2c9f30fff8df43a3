using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace ParallelSum.Tests.Architecture;

/// <summary>
/// The library's three layers, read from the compiled assembly: the stream (<c>ParallelSum.Generation</c>) refers to nothing
/// of the engine or of generate-and-sum; the engine (<c>ParallelSum.Execution</c>) refers to nothing of the stream or of
/// generate-and-sum. Generate-and-sum (<c>ParallelSum</c>, <c>ParallelSum.Strategies</c>) may use both.
/// </summary>
public class LayerTests
{
    private static readonly ArchUnitNET.Domain.Architecture Library = new ArchLoader().LoadAssemblies(typeof(IGenerateAndSum).Assembly).Build();

    private static readonly IObjectProvider<IType> Stream = Types().That().ResideInNamespaceMatching(@"^ParallelSum\.Generation(\..*)?$").As("the stream");

    private static readonly IObjectProvider<IType> Engine = Types().That().ResideInNamespaceMatching(@"^ParallelSum\.Execution(\..*)?$").As("the engine");

    private static readonly IObjectProvider<IType> GenerateAndSum = Types().That().ResideInNamespaceMatching(@"^ParallelSum(\.Strategies)?$").As("generate-and-sum");

    [Fact]
    public void TheStream_RefersToNothingOfTheEngineOrOfGenerateAndSum() =>
        Types().That().Are(Stream).Should().NotDependOnAny(Engine).AndShould().NotDependOnAny(GenerateAndSum).Check(Library);

    [Fact]
    public void TheEngine_RefersToNothingOfTheStreamOrOfGenerateAndSum() =>
        Types().That().Are(Engine).Should().NotDependOnAny(Stream).AndShould().NotDependOnAny(GenerateAndSum).Check(Library);

    [Fact]
    public void EveryLayer_HasTypes()
    {
        Assert.NotEmpty(Stream.GetObjects(Library));
        Assert.NotEmpty(Engine.GetObjects(Library));
        Assert.NotEmpty(GenerateAndSum.GetObjects(Library));
    }

    [Fact]
    public void EveryTypeOfTheLibrary_LiesInALayer() =>
        Types().That().ResideInAssembly(typeof(IGenerateAndSum).Assembly).And().DoNotHaveNameStartingWith("<").And().DoNotResideInNamespaceMatching("^Microsoft|^System")
            .Should().Be(Stream).OrShould().Be(Engine).OrShould().Be(GenerateAndSum).Check(Library);
}
