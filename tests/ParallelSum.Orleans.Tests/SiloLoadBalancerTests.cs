namespace ParallelSum.Orleans.Tests;

public class SiloLoadBalancerTests
{
    [Fact]
    public void Ranges_SpreadInProportionToTheSilosSlots()
    {
        var balancer = new SiloLoadBalancer([("a", 1), ("b", 3)]);
        int[] taken = new int[2];
        for (int i = 0; i < 8; i++)
        {
            taken[balancer.Acquire()]++;
        }

        Assert.Equal([2, 6], taken);
    }

    [Fact]
    public void ReleasedPlaces_AreTakenAgain_BeforeAFullerSilo()
    {
        var balancer = new SiloLoadBalancer([("a", 2), ("b", 2)]);
        Assert.Equal(0, balancer.Acquire());
        Assert.Equal(1, balancer.Acquire());
        Assert.Equal(0, balancer.Acquire());
        balancer.Release(1, failed: false);
        Assert.Equal(1, balancer.Acquire());
        Assert.Equal(1, balancer.Acquire());
        Assert.Equal("b", balancer.Key(1));
    }

    [Fact]
    public void ASiloThatFailedARange_GetsNoMore_WhileAnotherIsLeft()
    {
        var balancer = new SiloLoadBalancer([("a", 4), ("b", 1), ("c", 1)]);
        int first = balancer.Acquire();
        Assert.Equal(0, first);
        balancer.Release(first, failed: true);
        Assert.All(Enumerable.Range(0, 6).Select(_ => balancer.Acquire()), silo => Assert.NotEqual(0, silo));
    }

    [Fact]
    public void WhenEverySiloHasFailed_TheLeastLoadedIsStillChosen()
    {
        var balancer = new SiloLoadBalancer([("a", 1), ("b", 1)]);
        balancer.Release(balancer.Acquire(), failed: true);
        balancer.Release(balancer.Acquire(), failed: true);
        int next = balancer.Acquire();
        Assert.Equal(1 - next, balancer.Acquire());
    }
}
