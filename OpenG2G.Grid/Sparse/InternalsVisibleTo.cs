using System.Runtime.CompilerServices;

// The ordering and symbolic analysis are internal; their tests check them directly.
[assembly: InternalsVisibleTo("OpenG2G.Grid.Tests")]
