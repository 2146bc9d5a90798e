/**
 * The chart types the resilience screens draw besides the kit's bars and pies (@renxing/ui/Chart
 * registers those): the radar of the mechanisms and traits, and the lines of the trends. Imported
 * for its effect by the screens that draw them.
 */
import { LineChart, RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

echarts.use([RadarChart, LineChart, RadarComponent]);
