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

    [Fact]
    public void RangesThatCompleteBeforeTheNextIsSent_StillGoRoundTheSilos()
    {
        // The worst timing for a least-loaded choice: every silo idle at every choice. Ties go to the silo given the fewest.
        var balancer = new SiloLoadBalancer([("a", 2), ("b", 2), ("c", 2)]);
        int[] order = [.. Enumerable.Range(0, 6).Select(_ =>
        {
            int silo = balancer.Acquire();
            balancer.Release(silo, failed: false);
            return silo;
        })];
        Assert.Equal([0, 1, 2, 0, 1, 2], order);
    }

    [Fact]
    public void TheFirstChoices_GoToAsManySilos_WhateverCompletesInBetween()
    {
        // Silo a completes its range at once, b never does: c, not a again, gets the third.
        var balancer = new SiloLoadBalancer([("a", 1), ("b", 1), ("c", 1)]);
        int a = balancer.Acquire();
        balancer.Release(a, failed: false);
        int b = balancer.Acquire();
        int c = balancer.Acquire();
        Assert.Equal([0, 1, 2], new[] { a, b, c });
    }
}
