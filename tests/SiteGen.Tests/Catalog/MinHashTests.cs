using SiteGen.Tests.Support;
using SiteGen.Merging;

namespace SiteGen.Tests.Catalog;

/// <summary>Machines with and without 512-bit vectors must block records alike: both MinHash paths give the same minimums.</summary>
public sealed class MinHashTests
{
    [Fact]
    public void Vector_and_scalar_minimums_agree()
    {
        // Vector512 runs in software where the hardware lacks it, so this compares the two paths on any machine.
        var random = new Random(7);
        foreach (var seedCount in new[] { 8, 16, 32, 64 })
        {
            var seeds = Resolver.LshSeeds(seedCount);
            foreach (var length in new[] { 0, 1, 3, 50, 400 })
            {
                var shingles = Enumerable.Range(0, length).Select(_ => (uint)random.NextInt64(0, uint.MaxValue + 1L)).ToArray();
                var vector = new uint[seedCount];
                var scalar = new uint[seedCount];
                Resolver.MinHashVector(shingles, seeds, vector);
                Resolver.MinHashScalar(shingles, seeds, scalar);
                Assert.Equal(scalar, vector);
            }
        }
    }
}
