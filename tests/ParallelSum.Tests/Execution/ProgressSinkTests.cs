using System.Diagnostics;

namespace ParallelSum.Tests.Execution;

/// <summary>
/// <see cref="ProgressSink"/>: reports are delivered off the reporting thread, one at a time, never backwards, merged when
/// closer than the interval, and once more at completion; a handler that throws is kept and not called again; a handler
/// that blocks holds no reporter, and a canceled completion does not wait for it.
/// </summary>
public class ProgressSinkTests
{
    private static readonly TimeSpan Deadline = Support.Deadline.Default;

    [Fact]
    public void Completion_OfACountOfZero_IsReportedOnce()
    {
        var reports = new List<long>();
        var sink = new ProgressSink(reports.Add);

        sink.Complete(0, CancellationToken.None);

        Assert.Equal([0L], reports);
    }

    [Fact]
    public void Completion_IsDeliveredOnTheCompletingThread_AndNothingAfterIt()
    {
        var threads = new List<int>();
        var sink = new ProgressSink(_ => threads.Add(Environment.CurrentManagedThreadId));

        sink.Complete(10, CancellationToken.None);
        Thread.Sleep(120);
        sink.Report(20);
        sink.Complete(30, CancellationToken.None);
        Thread.Sleep(120);

        Assert.Equal([Environment.CurrentManagedThreadId], threads);
    }

    [Fact]
    public void AReport_AfterTheInterval_IsDeliveredOnAnotherThread_WithoutWaitingForIt()
    {
        using var delivered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        int deliveredOn = 0;
        var sink = new ProgressSink(_ =>
        {
            deliveredOn = Environment.CurrentManagedThreadId;
            delivered.Set();
            release.Wait(Deadline);
        });
        Thread.Sleep(120); // past the interval since the sink was made

        sink.Report(5); // must return although the handler blocks
        Assert.True(delivered.Wait(Deadline));

        Assert.NotEqual(Environment.CurrentManagedThreadId, deliveredOn);
        release.Set();
    }

    [Fact]
    public void Reports_NeverGoBackwards_AndEndAtTheFinalCount()
    {
        var reports = new List<long>();
        var sink = new ProgressSink(v => { lock (reports) { reports.Add(v); } });

        sink.Report(7);
        sink.Report(3);
        sink.Report(9);
        sink.Complete(9, CancellationToken.None);

        // Reports closer than the interval are merged; whichever were delivered, none went backwards and 3 never came.
        Assert.Equal(9L, reports[^1]);
        Assert.All(reports, r => Assert.True(r is 7 or 9, $"{r} was delivered"));
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First < p.Second));
    }

    [Fact]
    public void TheTotal_AlreadyDelivered_IsNotDeliveredAgainAtCompletion()
    {
        var reports = new List<long>();
        using var first = new ManualResetEventSlim();
        var sink = new ProgressSink(v => { lock (reports) { reports.Add(v); } first.Set(); });
        Thread.Sleep(120);

        sink.Report(10);
        Assert.True(first.Wait(Deadline));
        sink.Complete(10, CancellationToken.None);

        Assert.Equal([10L], reports);
    }

    [Fact]
    public void AHandlerThatThrows_IsKept_AndNotCalledAgain()
    {
        int calls = 0;
        var failure = new InvalidTimeZoneException("observer");
        var sink = new ProgressSink(_ => { Interlocked.Increment(ref calls); throw failure; });

        sink.Complete(10, CancellationToken.None);
        Thread.Sleep(120);
        sink.Report(20);

        Assert.Equal(1, calls);
        Assert.Same(failure, sink.HandlerException);
    }

    [Fact]
    public void ReportsMadeWithoutPause_AreDeliveredAtMostOncePerInterval()
    {
        // A report is due for delivery only ReportInterval after the last delivery began: over a stretch of back-to-back
        // reports the handler runs about once per interval, however many are made. The bound allows twice that (the clock
        // the sink reads moves in steps of a few milliseconds) plus the final report; without the interval it runs for
        // every report the delivery thread keeps up with.
        int calls = 0;
        var sink = new ProgressSink(_ => Interlocked.Increment(ref calls));
        var stretch = Stopwatch.StartNew();
        long reported = 0;
        while (stretch.ElapsedMilliseconds < 300)
        {
            sink.Report(++reported);
        }

        sink.Complete(reported + 1, CancellationToken.None);
        long elapsed = stretch.ElapsedMilliseconds;

        Assert.True(reported > 1_000, $"only {reported} reports were made");
        Assert.InRange(calls, 1, (elapsed / (ProgressSink.ReportInterval / 2)) + 2);
    }

    [Fact]
    public void AHandlerThatThrows_InADeliveryDuringTheRun_IsNotCalledForTheFinalCount()
    {
        int calls = 0;
        using var thrown = new ManualResetEventSlim();
        var failure = new InvalidTimeZoneException("observer");
        var sink = new ProgressSink(_ =>
        {
            Interlocked.Increment(ref calls);
            thrown.Set();
            throw failure;
        });
        Thread.Sleep(120);

        sink.Report(5);
        Assert.True(thrown.Wait(Deadline));
        Thread.Sleep(120);
        sink.Report(6);
        Thread.Sleep(120);
        sink.Complete(10, CancellationToken.None);

        Assert.Equal(1, calls);
        Assert.Same(failure, sink.HandlerException);
    }

    [Fact]
    public async Task Completion_AlreadyWaiting_ForABlockedHandler_ReturnsWhenCanceled()
    {
        using var handler = new BlockingHandler();
        using var cts = new CancellationTokenSource();
        handler.ReportAndBlock(5);

        // The completion is waiting for the handler before the token is canceled: the cancellation must wake it.
        var completion = Task.Run(() => handler.Sink.Complete(10, cts.Token));
        Assert.NotSame(completion, await Task.WhenAny(completion, Task.Delay(200)));
        await cts.CancelAsync();
        Task ended = await Task.WhenAny(completion, Task.Delay(Deadline));
        handler.Release();

        Assert.Same(completion, ended);
        await completion;
        Assert.Equal([5L], handler.Reports);
    }

    [Fact]
    public async Task Completion_WaitsForADeliveryStillRunning_ThenDeliversTheFinalCount()
    {
        using var handler = new BlockingHandler();
        handler.ReportAndBlock(5);

        var completion = Task.Run(() => handler.Sink.Complete(10, CancellationToken.None));
        Assert.NotSame(completion, await Task.WhenAny(completion, Task.Delay(200)));
        handler.Release();

        await completion.WaitAsync(Deadline);
        Assert.Equal([5L, 10L], handler.Reports);
    }

    [Fact]
    public async Task Completion_Canceled_WhileAHandlerBlocks_ReturnsWithoutAFinalReport()
    {
        using var handler = new BlockingHandler();
        using var cts = new CancellationTokenSource();
        handler.ReportAndBlock(5);

        var completion = Task.Run(() => handler.Sink.Complete(10, cts.Token));
        await cts.CancelAsync();
        await completion.WaitAsync(Deadline);
        handler.Release();
        Thread.Sleep(120);
        handler.Sink.Report(20);
        Thread.Sleep(120);

        Assert.Equal([5L], handler.Reports);
    }

    [Fact]
    public async Task Deliveries_RunUnderTheCallersExecutionContext()
    {
        var local = new AsyncLocal<string>();
        string? seen = null;
        using var delivered = new ManualResetEventSlim();
        ProgressSink sink = await Task.Run(() =>
        {
            local.Value = "caller";
            return new ProgressSink(_ => { seen = local.Value; delivered.Set(); });
        });
        Thread.Sleep(120);

        sink.Report(1);

        Assert.True(delivered.Wait(Deadline));
        Assert.Equal("caller", seen);
    }

    [Fact]
    public void Deliveries_WithTheFlowSuppressed_StillReachTheHandler()
    {
        // With ExecutionContext.SuppressFlow there is no caller's context to run the handler under: it runs as it is.
        var reports = new List<long>();
        ProgressSink sink;
        using (ExecutionContext.SuppressFlow())
        {
            sink = new ProgressSink(v => { lock (reports) { reports.Add(v); } });
        }

        sink.Complete(7, CancellationToken.None);

        Assert.Equal([7L], reports);
        Assert.Null(sink.HandlerException);
    }

    [Fact]
    public void For_NoHandler_IsNoSink() => Assert.Null(ProgressSink.For(null));

    /// <summary>A sink whose handler records every count it is given and blocks in its first delivery until released.</summary>
    private sealed class BlockingHandler : IDisposable
    {
        private readonly List<long> _reports = [];
        private readonly ManualResetEventSlim _entered = new();
        private readonly ManualResetEventSlim _release = new();

        public BlockingHandler() => Sink = new ProgressSink(v =>
        {
            bool first;
            lock (_reports)
            {
                first = _reports.Count == 0;
                _reports.Add(v);
            }

            if (first)
            {
                _entered.Set();
                _release.Wait(Deadline);
            }
        });

        public ProgressSink Sink { get; }

        /// <summary>Gets the counts delivered so far, in order.</summary>
        public long[] Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        /// <summary>Reports <paramref name="count"/> once the interval since the sink was made has passed, and waits until its
        /// delivery is blocked in the handler.</summary>
        public void ReportAndBlock(long count)
        {
            Thread.Sleep(120);
            Sink.Report(count);
            Assert.True(_entered.Wait(Deadline));
        }

        /// <summary>Lets the blocked delivery end.</summary>
        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            _entered.Dispose();
            _release.Dispose();
        }
    }
}
