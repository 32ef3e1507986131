// TraceKit.framework: the app's own embedded framework (track point formatting).
#import <TraceKit/TKTrackFormatter.h>
