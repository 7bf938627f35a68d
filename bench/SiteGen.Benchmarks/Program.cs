using BenchmarkDotNet.Running;

// "resolver-scale N..." prints the resolver's scale figures; anything else runs the benchmark classes (pass --filter to pick some).
if (args.Length > 0 && args[0] == "resolver-scale") return SiteGen.Benchmarks.ResolverScale.Run(args[1..]);
// "generate-course ..." writes a synthetic course (see BENCHMARKS.md).
if (args.Length > 0 && args[0] == "generate-course") return SiteGen.Benchmarks.GenerateCourse.Run(args[1..]);
// "rebuild-latency" / "incremental-scale": the preview server's save-to-reload time and full vs incremental builds.
if (args.Length > 0 && args[0] is "rebuild-latency" or "incremental-scale") return SiteGen.Benchmarks.RebuildLatency.Run(args);
// "search-latency [runs]": first keystroke to first search result in Chromium on the seed course.
if (args.Length > 0 && args[0] == "search-latency") return SiteGen.Benchmarks.SearchLatency.Run(args);
// "render-scale --content DIR [--runs N]": the RenderPages stage alone, N times in one process.
if (args.Length > 0 && args[0] == "render-scale") return SiteGen.Benchmarks.RenderScale.Run(args);
// "finder-scale --content DIR --out DIR": the instructors' finder index on one course (see BENCHMARKS.md).
if (args.Length > 0 && args[0] == "finder-scale") return SiteGen.Benchmarks.FinderScale.Run(args);
// "fuzz [--seed N] [--courses N] [--keep DIR]": the fuzz test at a larger size (see BENCHMARKS.md).
if (args.Length > 0 && args[0] == "fuzz") return SiteGen.Benchmarks.FuzzCommand.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
