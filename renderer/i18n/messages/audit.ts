import { defineMessages } from '../define.ts';

export const audit = defineMessages(
  {
    'audit.roomItems': 'Room checks',
    'audit.deviceItems': 'Device checks: {device}',
    'audit.pass': 'Pass',
    'audit.fail': 'Fail',
    'audit.na': 'N/A',
    'audit.note': 'Note',
    'audit.notePlaceholder': 'What did you see?',
    'audit.saveNote': 'Save note',
    'audit.progress': '{answered} of {total} answered',
    'audit.answerFor': 'Answer for {item}',
    'audit.notFound': 'This audit does not exist.',
    'audit.status': 'Status: {status}',
  },
  {
    'audit.roomItems': '机房检查项',
    'audit.deviceItems': '设备检查项：{device}',
    'audit.pass': '通过',
    'audit.fail': '不通过',
    'audit.na': '不适用',
    'audit.note': '备注',
    'audit.notePlaceholder': '看到了什么？',
    'audit.saveNote': '保存备注',
    'audit.progress': '已答 {answered} / {total}',
    'audit.answerFor': '{item} 的结论',
    'audit.notFound': '该检查不存在。',
    'audit.status': '状态：{status}',
  },
);
