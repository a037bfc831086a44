/** Chinese for the app's messages around a library's error (core/common/messages-app.ts). */
import type { APP_MESSAGES } from '../../core/common/messages-app.ts';

export const APP_PROBLEM_ZH: Record<keyof typeof APP_MESSAGES, string> = {
  app_layer_unreadable: '无法读取已保存的图层数据，已略去',
  app_import_failed: '导入时出错，文件未能读取',
};
