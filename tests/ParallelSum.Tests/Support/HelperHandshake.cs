namespace ParallelSum.Tests.Support;

/// <summary>
/// Makes an engine run's calling thread wait, in its steps, until a helper has run a step of its own: a test then sees the
/// caller and a helper working at once, however busy the machine is. Create it on the thread that starts the run.
/// </summary>
public sealed class HelperHandshake : IDisposable
{
    private readonly int _caller = Environment.CurrentManagedThreadId;
    private readonly ManualResetEventSlim _helperRan = new();

    /// <summary>Call in every step: on the calling thread it waits for a helper's step (and fails the test after
    /// <see cref="Deadline.Default"/>); on a helper it lets the caller go on.</summary>
    /// <returns>Whether this step runs on a helper.</returns>
    public bool Step()
    {
        if (Environment.CurrentManagedThreadId == _caller)
        {
            Assert.True(_helperRan.Wait(Deadline.Default), "no helper ran a step");
            return false;
        }

        _helperRan.Set();
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _helperRan.Dispose();
}
