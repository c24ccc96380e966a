using System.Runtime.CompilerServices;

// The district-page benchmark loads assessments the way the demo data does (bulk, latest flag set directly).
[assembly: InternalsVisibleTo("Saphan.Assessment.Bench")]
