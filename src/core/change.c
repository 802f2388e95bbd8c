#include "core/change.h"

enum wm_change
wm_change_between(double first, double latest)
{
	double d = latest - first;

	if (d >= WM_CHANGE_NOTICEABLE)
		return WM_CHANGE_HIGHER;
	if (d <= -WM_CHANGE_NOTICEABLE)
		return WM_CHANGE_LOWER;
	return WM_CHANGE_SAME;
}
