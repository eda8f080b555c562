using Cx.Domain.Tests.TestData;

[assembly: InvariantCulture]

// Some tests lower the reader's block size and parallel threshold (internal statics) to force many blocks on small files.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
