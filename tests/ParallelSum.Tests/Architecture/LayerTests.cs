using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace ParallelSum.Tests.Architecture;

/// <summary>
/// The library's layers, read from the compiled assembly: the stream (<c>ParallelSum.Generation</c>) refers to nothing
/// of the engine, of generate-and-sum or of the exact sums; the engine (<c>ParallelSum.Execution</c>) refers to nothing of the
/// stream, of generate-and-sum or of the exact sums. The exact sums (<c>ParallelSum.Numerics</c>) use the engine only.
/// Generate-and-sum (<c>ParallelSum</c>, <c>ParallelSum.Strategies</c>) may use the stream and the engine.
/// </summary>
public class LayerTests
{
    private static readonly ArchUnitNET.Domain.Architecture Library = new ArchLoader().LoadAssemblies(typeof(IGenerateAndSum).Assembly).Build();

    private static readonly IObjectProvider<IType> Stream = Types().That().ResideInNamespaceMatching(@"^ParallelSum\.Generation(\..*)?$").As("the stream");

    private static readonly IObjectProvider<IType> Engine = Types().That().ResideInNamespaceMatching(@"^ParallelSum\.Execution(\..*)?$").As("the engine");

    private static readonly IObjectProvider<IType> ExactSums = Types().That().ResideInNamespaceMatching(@"^ParallelSum\.Numerics(\..*)?$").As("the exact sums");

    private static readonly IObjectProvider<IType> GenerateAndSum = Types().That().ResideInNamespaceMatching(@"^ParallelSum(\.Strategies)?$").As("generate-and-sum");

    [Fact]
    public void TheStream_RefersToNothingOfTheEngineOrOfGenerateAndSumOrOfTheExactSums() =>
        Types().That().Are(Stream).Should().NotDependOnAny(Engine).AndShould().NotDependOnAny(GenerateAndSum).AndShould().NotDependOnAny(ExactSums).Check(Library);

    [Fact]
    public void TheEngine_RefersToNothingOfTheStreamOrOfGenerateAndSumOrOfTheExactSums() =>
        Types().That().Are(Engine).Should().NotDependOnAny(Stream).AndShould().NotDependOnAny(GenerateAndSum).AndShould().NotDependOnAny(ExactSums).Check(Library);

    [Fact]
    public void TheExactSums_UseOnlyTheEngine() =>
        Types().That().Are(ExactSums).Should().NotDependOnAny(Stream).AndShould().NotDependOnAny(GenerateAndSum).Check(Library);

    [Fact]
    public void EveryLayer_HasTypes()
    {
        Assert.NotEmpty(Stream.GetObjects(Library));
        Assert.NotEmpty(Engine.GetObjects(Library));
        Assert.NotEmpty(ExactSums.GetObjects(Library));
        Assert.NotEmpty(GenerateAndSum.GetObjects(Library));
    }

    [Fact]
    public void EveryTypeOfTheLibrary_LiesInALayer() =>
        Types().That().ResideInAssembly(typeof(IGenerateAndSum).Assembly).And().DoNotHaveNameStartingWith("<").And().DoNotResideInNamespaceMatching("^Microsoft|^System")
            .Should().Be(Stream).OrShould().Be(Engine).OrShould().Be(ExactSums).OrShould().Be(GenerateAndSum).Check(Library);
}
